import type { Record as Neo4jRecord, ResultSummary } from 'neo4j-driver';
import { type CallOptions, Deadline } from './deadline';
import type { ExecutorHost } from './executor-host';
import { queryFailure } from './query-failure';
import { severSession } from './sever-session';
import type { AccessMode, CompiledQuery } from './types';

/**
 * Runs one statement in an auto-commit transaction (what schema commands and
 * `CALL { } IN TRANSACTIONS` need), handing each record to `onRecord` as the server produces it.
 * Logged once, bounded by the call's deadline, failures typed. Not retried: a batched statement
 * commits as it goes, so only its caller knows whether repeating it is safe.
 */
export async function runAutoCommit(
  host: ExecutorHost,
  query: CompiledQuery,
  mode: AccessMode,
  onRecord: (record: Neo4jRecord) => void,
  options: CallOptions & { readonly database?: string } = {},
): Promise<ResultSummary> {
  const deadline = Deadline.start(options, host.defaultTimeoutMs);
  const session = host.session(mode, options.database);
  const abandon = () => severSession(session);
  const started = performance.now();
  let rows = 0;
  const span = host.telemetry.startQuery(query, mode, options.database);
  try {
    const summary = await deadline.race(
      new Promise<ResultSummary>((resolve, reject) => {
        session.run(query.cypher, query.params).subscribe({
          onNext: (record) => {
            rows += 1;
            onRecord(record);
          },
          onCompleted: resolve,
          onError: reject,
        });
      }),
      abandon,
    );
    host.log(query, mode, started, rows, summary.notifications);
    host.telemetry.endQuery(span, rows);
    return summary;
  } catch (error) {
    const failure = queryFailure(error, deadline, query);
    host.log(query, mode, started, rows, [], failure);
    host.telemetry.endQuery(span, rows, failure);
    throw failure;
  } finally {
    await deadline.race(session.close(), abandon).catch(() => undefined);
  }
}
