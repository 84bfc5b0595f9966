import type { Session, Transaction } from 'neo4j-driver';
import { CartographError } from '../errors';
import type { AccessMode, Graph } from './graph';
import { GraphTransaction } from './graph-transaction';
import { translateNeo4jError } from './neo4j-errors';
import { transactionContext } from './transaction-context';

/**
 * A transaction you commit or roll back yourself (`graph.beginTransaction()`), for work that spans
 * calls you do not control in one callback. Unlike `writeTransaction`, it is never retried: prefer
 * the managed form when you can. Model operations join it inside {@link ExplicitTransaction.within}.
 */
export class ExplicitTransaction extends GraphTransaction {
  readonly #session: Session;
  readonly #explicit: Transaction;

  constructor(graph: Graph, session: Session, tx: Transaction, mode: AccessMode) {
    super(graph, tx, mode);
    this.#session = session;
    this.#explicit = tx;
  }

  /** Whether neither commit nor rollback has happened yet. */
  get isOpen(): boolean {
    return this.#explicit.isOpen();
  }

  /** Runs `work` with every model operation inside it joining this transaction. */
  within<T>(work: () => Promise<T>): Promise<T> {
    if (!this.isOpen)
      throw new CartographError(
        'TRANSACTION_CLOSED',
        'This transaction was already committed or rolled back.',
      );
    return transactionContext.run({ graph: this.graph, tx: this.#explicit, mode: this.mode }, work);
  }

  /** Makes every change durable and closes the session. */
  async commit(): Promise<void> {
    try {
      await this.#explicit.commit();
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await this.#session.close();
    }
  }

  /** Discards every change and closes the session. */
  async rollback(): Promise<void> {
    try {
      if (this.#explicit.isOpen()) await this.#explicit.rollback();
    } finally {
      await this.#session.close();
    }
  }
}
