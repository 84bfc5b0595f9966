import type { ResultSummary, Session } from 'neo4j-driver';
import { TransactionClosedError } from '../errors';
import { commitExplicit, rollbackExplicit } from '../executor/explicit-calls';
import { type ActiveTransaction, transactionContext } from '../executor/transaction-context';
import { GraphTransaction } from './graph-transaction';
import { toPlain } from './to-plain';

/**
 * A transaction you commit or roll back yourself (`graph.beginTransaction()`), for work that spans
 * calls you do not control in one callback. Unlike `writeTransaction`, it is never retried: prefer
 * the managed form when you can. Model operations join it inside {@link ExplicitTransaction.within}.
 * Every call on it raises typed Cartograph errors; a commit whose answer is lost raises
 * `CommitOutcomeUnknownError`.
 */
export class ExplicitTransaction extends GraphTransaction {
  readonly #session: Session;

  /** @internal Made by `graph.beginTransaction()`. */
  constructor(active: ActiveTransaction, session: Session) {
    super(active);
    this.#session = session;
  }

  /** Whether neither commit nor rollback has happened yet. */
  get isOpen(): boolean {
    return this.active.tx.isOpen();
  }

  /** Runs `work` with every model operation inside it joining this transaction. */
  within<T>(work: () => Promise<T>): Promise<T> {
    if (!this.isOpen) throw new TransactionClosedError();
    return transactionContext.run(this.active, work);
  }

  /**
   * @internal Runs a statement and returns its plain rows with the server's summary (migrations
   * report what each statement changed).
   */
  async runWithSummary(
    cypher: string,
    params: Record<string, unknown> = {},
  ): Promise<{ rows: Record<string, unknown>[]; summary: ResultSummary }> {
    if (!this.isOpen) throw new TransactionClosedError();
    return this.active.graph.runInWithSummary(this.active, { cypher, params }, this.mode, (record) => {
      const row: Record<string, unknown> = {};
      for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
      return row;
    });
  }

  /**
   * Makes every change durable and closes the session.
   * @throws CommitOutcomeUnknownError when the connection failed after COMMIT was sent.
   */
  async commit(): Promise<void> {
    if (!this.isOpen) throw new TransactionClosedError();
    await commitExplicit(this.#session, this.active.tx, this.mode, this.active.deadline());
  }

  /** Discards every change and closes the session (a lost connection counts as rolled back). */
  async rollback(): Promise<void> {
    await rollbackExplicit(this.#session, this.active.tx, this.active.deadline());
  }
}
