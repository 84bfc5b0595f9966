import type { Record as Neo4jRecord, Transaction } from 'neo4j-driver';
import { type CallOptions, Deadline } from './deadline';
import type { ExecutorHost } from './executor-host';
import { queryFailure } from './query-failure';
import { severSession } from './sever-session';
import type { CompiledQuery } from './types';

/**
 * Streams a read query's records in a read transaction on a session of its own, logging it once
 * when it ends. Each wait for the server (begin, every batch, commit) is bounded by the call's
 * `timeoutMs` (else the graph's default), so a slow consumer never times itself out; `signal`
 * cancels at any point. Leaving the loop early rolls back and closes the session.
 */
export async function* streamQuery<T>(
  host: ExecutorHost,
  query: CompiledQuery,
  map: (record: Neo4jRecord) => T,
  options: CallOptions & { readonly database?: string } = {},
): AsyncGenerator<T, void, undefined> {
  const session = host.session('READ', options.database);
  const abandon = () => severSession(session);
  const bound = () => Deadline.start(options, host.defaultTimeoutMs);
  const started = performance.now();
  let rows = 0;
  const span = host.telemetry.startQuery(query, 'READ', options.database ?? host.database);
  let tx: Transaction | undefined;
  try {
    tx = await bound().race(session.beginTransaction(), abandon);
    const result = tx.run(query.cypher, query.params);
    const records = result[Symbol.asyncIterator]();
    for (;;) {
      const next = await bound().race(records.next(), abandon);
      if (next.done) break;
      rows += 1;
      yield map(next.value);
    }
    const summary = await bound().race(result.summary(), abandon);
    await bound().race(tx.commit(), abandon);
    host.log(query, 'READ', started, rows, summary.notifications);
    host.telemetry.endQuery(span, rows);
  } catch (error) {
    const failure = queryFailure(error, bound(), query);
    host.log(query, 'READ', started, rows, [], failure);
    host.telemetry.endQuery(span, rows, failure);
    throw failure;
  } finally {
    // A failure, or a consumer that left the loop early: nothing to keep, so roll back quietly.
    if (tx?.isOpen())
      await bound()
        .race(tx.rollback(), abandon)
        .catch(() => undefined);
    await bound()
      .race(session.close(), abandon)
      .catch(() => undefined);
  }
}
