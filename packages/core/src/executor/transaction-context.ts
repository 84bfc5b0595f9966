import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transaction } from 'neo4j-driver';
import type { Deadline } from './deadline';

/** The transaction that model operations started inside `graph.writeTransaction(...)` join. */
export interface ActiveTransaction<G = unknown> {
  /** The graph (driver and database) the transaction belongs to. */
  readonly graph: G;
  readonly tx: Transaction;
  readonly mode: 'READ' | 'WRITE';
  /** The deadline of the next query run in the transaction (the transaction's own, or one per call). */
  readonly deadline: () => Deadline;
  /** Breaks the transaction's connection when a query in it runs past the deadline. */
  readonly abandon: () => void;
}

/**
 * Carries the active transaction through async calls, so `Person.create()` inside a transaction
 * callback joins it without the transaction being passed around.
 */
export const transactionContext = new AsyncLocalStorage<ActiveTransaction>();
