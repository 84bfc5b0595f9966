import type { Graph } from '@cartograph/core';

/** Options of the batched helpers. */
export interface BatchOptions {
  /** Rows per inner transaction (`IN TRANSACTIONS OF n ROWS`); default 10 000. */
  batchSize?: number;
  /** Called with rows done so far and the total counted before the work started. */
  onProgress?: (done: number, total: number) => void;
}

/** Options of helpers that work on nodes or on relationships. */
export interface EntityBatchOptions extends BatchOptions {
  /** `relationship` makes `label` a relationship type; default `node`. */
  entity?: 'node' | 'relationship';
}

/** Options of {@link MigrationContext.batch}. */
export interface BatchStatementOptions extends BatchOptions {
  /**
   * Cypher that yields the rows to work on and ends in `RETURN`, e.g.
   * `MATCH (t:Transaction) WHERE t.amountCents IS NULL RETURN t`. `cypherPerRow` then runs once
   * per row, with the returned variables in scope, batched in transactions. Without `over`,
   * `cypherPerRow` is a complete statement (with its own `CALL { } IN TRANSACTIONS`) run once in
   * an auto-commit transaction.
   */
  over?: string;
  /** Parameters for `over` and `cypherPerRow`. */
  params?: Record<string, unknown>;
  /**
   * Says that running this step again after an interruption is safe: `over` returns only rows
   * not done yet (e.g. `WHERE t.amountCents IS NULL`), or the per-row update is idempotent. With
   * `over`, every committed batch is recorded in the graph; when a run is killed or fails part-way,
   * the next `up` runs a resumable step again, and refuses (`MIGRATION_PARTIALLY_APPLIED`) to
   * re-run one that is not, since its committed batches would be applied twice. Default false.
   */
  resumable?: boolean;
}

/**
 * What `up(ctx)` and `down(ctx)` receive.
 *
 * Transactions: `run()` statements share one transaction, which also writes the bookkeeping
 * record, so a migration made only of `run()` calls commits entirely or not at all. `schema()`,
 * the batched helpers and `batch()` need transactions of their own (Neo4j runs schema commands
 * alone and `CALL { } IN TRANSACTIONS` only in auto-commit transactions): each first commits
 * the `run()` statements before it, then commits itself, batch by batch. If such a migration
 * fails, the steps that committed stay committed; the migration is recorded as failed.
 */
export interface MigrationContext {
  /** The graph being migrated; model operations through it run in their own transactions. */
  readonly graph: Graph;
  /**
   * Runs Cypher in the migration's transaction; rows come back as plain objects. Schema commands
   * and statements with `IN TRANSACTIONS` are recognised and run as their own step instead.
   */
  run(cypher: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  /** Runs one schema command (`CREATE INDEX ...`) in a transaction of its own. */
  schema(statement: string): Promise<void>;
  /** Moves every node from label `from` to label `to`; returns the number of nodes. */
  renameLabel(from: string, to: string, opts?: BatchOptions): Promise<number>;
  /** Replaces every relationship of type `from` with one of type `to` with the same properties. */
  renameRelationshipType(from: string, to: string, opts?: BatchOptions): Promise<number>;
  /** Moves property `from` to `to` on every node with `label` (or relationship of that type). */
  renameProperty(label: string, from: string, to: string, opts?: EntityBatchOptions): Promise<number>;
  /** Sets `property` to `value` where it is missing (null); existing values are kept. */
  setDefault(label: string, property: string, value: unknown, opts?: EntityBatchOptions): Promise<number>;
  /** Runs `cypherPerRow` for every row of `opts.over`, batched; see {@link BatchStatementOptions}. */
  batch(cypherPerRow: string, opts?: BatchStatementOptions): Promise<number>;
  /** A line in the migration log, prefixed with the migration. */
  log(message: string): void;
  /** Report progress of your own long work; the Migrator's `progress` callback receives it. */
  progress?: (done: number, total: number) => void;
}
