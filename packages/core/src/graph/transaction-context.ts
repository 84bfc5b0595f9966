import { AsyncLocalStorage } from 'node:async_hooks';
import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import type { Graph } from './graph';

/** The transaction that model operations started inside `graph.writeTransaction(...)` join. */
export interface ActiveTransaction {
  /** The graph (driver and database) the transaction belongs to. */
  readonly graph: Graph;
  readonly tx: ManagedTransaction | Transaction;
  readonly mode: 'READ' | 'WRITE';
}

/**
 * Carries the active transaction through async calls, so `Person.create()` inside a transaction
 * callback joins it without the transaction being passed around.
 */
export const transactionContext = new AsyncLocalStorage<ActiveTransaction>();
