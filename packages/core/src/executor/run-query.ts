import type { Record as Neo4jRecord, ResultSummary, Transaction } from 'neo4j-driver';
import type { Deadline } from './deadline';
import type { ExecutorHost } from './executor-host';
import { queryFailure } from './query-failure';
import { runUncaptured } from './run-uncaptured';
import type { AccessMode, CompiledQuery } from './types';

/** The mapped rows of a query and the server's summary of it. */
export interface QueryOutcome<T> {
  readonly rows: T[];
  readonly summary: ResultSummary;
}

/**
 * Runs one query in an open transaction: the one place a query meets the driver. Logs it once,
 * bounds it by `deadline` (breaking the connection through `abandon` when it expires) and raises
 * only typed Cartograph errors.
 */
export async function runQuery<T>(
  host: ExecutorHost,
  tx: Transaction,
  query: CompiledQuery,
  mode: AccessMode,
  map: (record: Neo4jRecord) => T,
  deadline: Deadline,
  abandon: () => void,
): Promise<QueryOutcome<T>> {
  const started = performance.now();
  const span = host.telemetry.startQuery(query, mode, host.database, tx);
  try {
    const pending = runUncaptured(tx, query.cypher, query.params);
    const result = await deadline.race(
      new Promise<Awaited<typeof pending>>((resolve, reject) => {
        pending.then(resolve, reject);
      }),
      abandon,
    );
    const rows = result.records.map(map);
    host.log(query, mode, started, rows.length, result.summary.notifications);
    host.telemetry.endQuery(span, rows.length);
    return { rows, summary: result.summary };
  } catch (error) {
    const failure = queryFailure(error, deadline, query);
    host.log(query, mode, started, 0, [], failure);
    host.telemetry.endQuery(span, 0, failure);
    throw failure;
  }
}
