import type { Span } from '@opentelemetry/api';
import type { Session, Transaction } from 'neo4j-driver';
import type { CallOptions, Deadline } from './deadline';
import type { ExecutorHost } from './executor-host';
import { severSession } from './sever-session';
import { transactionConfig } from './transaction-config';
import { type ActiveTransaction, transactionContext } from './transaction-context';
import type { AccessMode } from './types';

/** How `runTransaction` runs its work. */
export interface TransactionPlan<T> {
  readonly mode: AccessMode;
  readonly database: string | undefined;
  readonly deadline: Deadline;
  readonly metadata?: Record<string, unknown>;
  /**
   * For a write that carries a key of its own: whether an attempt whose COMMIT outcome was lost did
   * commit (read by that key), returning the work's result if so. Without it, a lost COMMIT reply
   * raises CommitOutcomeUnknownError.
   */
  readonly applied?: (bounds: CallOptions) => Promise<{ readonly result: T } | undefined>;
  /**
   * The work leaves the same state however often it runs (MERGE by key), so an attempt whose COMMIT
   * outcome was lost is simply run again.
   */
  readonly idempotent?: boolean;
  /** The work is a user callback whose model operations join the transaction. */
  readonly callback?: boolean;
}

/** Marks a failure that happened once COMMIT had been sent. */
export class CommitSent extends Error {
  constructor(readonly failure: unknown) {
    super('commit failed', { cause: failure });
  }
}

/**
 * One attempt of a managed transaction: begin, run `work` with the transaction active for model
 * operations, commit. Any failure rolls back (or breaks the connection, so the server does) and is
 * rethrown; a failure of the COMMIT itself is wrapped in {@link CommitSent}.
 */
export async function attempt<G, T>(
  host: ExecutorHost<G>,
  plan: TransactionPlan<T>,
  work: (active: ActiveTransaction<G>) => Promise<T>,
  span?: Span,
): Promise<T> {
  const { deadline, mode } = plan;
  const session = host.session(mode, plan.database);
  const abandon = () => severSession(session);
  let tx: Transaction | undefined;
  try {
    deadline.check();
    // Not awaited: BEGIN then travels with the first query instead of costing a round trip of its
    // own (measured: ~9% of a key lookup); a failed BEGIN surfaces in that query or in COMMIT.
    const begun = session.beginTransaction(transactionConfig(deadline, plan.metadata, mode));
    tx = begun;
    const open = tx;
    host.telemetry.bind(open, span, plan.database);
    const active: ActiveTransaction<G> = {
      graph: host.graph,
      tx: open,
      mode,
      deadline: () => deadline,
      abandon,
    };
    // Only callbacks (writeTransaction(fn)) contain model operations that look for a transaction to join.
    const result = plan.callback
      ? await transactionContext.run(active, () => work(active))
      : await work(active);
    // Free by now (its answer came with the first query's); a failed BEGIN must not read as a COMMIT
    // whose outcome is unknown.
    await deadline.race(
      begun.then(() => undefined),
      abandon,
    );
    try {
      await deadline.race(open.commit(), abandon);
    } catch (error) {
      throw new CommitSent(error);
    }
    await closeQuietly(session, deadline);
    return result;
  } catch (error) {
    await rollBack(session, tx, deadline, abandon);
    throw error;
  }
}

/** Rolls back what is still open and closes the session, never waiting past the deadline. */
async function rollBack(
  session: Session,
  tx: Transaction | undefined,
  deadline: Deadline,
  abandon: () => void,
) {
  try {
    if (tx?.isOpen()) await deadline.race(tx.rollback(), abandon);
    await closeQuietly(session, deadline);
  } catch {
    // The connection is gone or was severed: the server rolls back on its own.
    abandon();
  }
}

async function closeQuietly(session: Session, deadline: Deadline): Promise<void> {
  await deadline.race(session.close(), () => severSession(session)).catch(() => undefined);
}
