import type { Record as Neo4jRecord, ResultSummary } from 'neo4j-driver';
import type { LostCommitRecovery } from '../executor/lost-commit-recovery';
import type { AccessMode, CompiledQuery } from '../executor/types';
import type { ExplicitTransaction, Graph } from './graph';
import type { RunOptions } from './graph-options';

// The query methods of `Graph` and `GraphTransaction` that Cartograph's own packages call are
// tagged internal in their TSDoc, so the published declarations (built with `stripInternal`) leave them out of
// what applications see. These functions, exported from `@cartograph/core/internal` only, are how
// `@cartograph/schema`, `@cartograph/migrations` and `@cartograph/cli` reach them.

/**
 * Runs a compiled query on `graph`: joins its active transaction or runs in one of its own
 * (see `Graph#run`), mapping each record inside the transaction.
 */
export function runCompiled<T>(
  graph: Graph,
  query: CompiledQuery,
  mode: AccessMode,
  map: (record: Neo4jRecord) => T,
  options: RunOptions = {},
  recovery?: LostCommitRecovery<T[]>,
): Promise<T[]> {
  return graph.run(query, mode, map, options, recovery);
}

/** Runs one statement in an auto-commit transaction, records handed over as they arrive. Not retried. */
export function runAutoCommitted(
  graph: Graph,
  query: CompiledQuery,
  mode: AccessMode,
  onRecord: (record: Neo4jRecord) => void,
  options: RunOptions = {},
): Promise<ResultSummary> {
  return graph.autoCommit(query, mode, onRecord, options);
}

/** Runs a statement in an open transaction; plain rows and the server's summary (what it changed). */
export function runWithSummary(
  tx: ExplicitTransaction,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<{ rows: Record<string, unknown>[]; summary: ResultSummary }> {
  return tx.runWithSummary(cypher, params);
}
