import type { Transaction } from 'neo4j-driver';
import { Graph } from '../graph/graph';
import { translateNeo4jError } from '../graph/neo4j-errors';
import { redactError } from '../graph/redact-error';
import { compileNodes } from './compile';
import { SKIPPED, tolerant } from './lenient-rows';
import { nodeMapper } from './results';
import { lastStage, type NodeSetState } from './state';

/** Options of `stream`. */
export interface StreamOptions {
  /** The graph to read from; default `Graph.current()`. */
  readonly graph?: Graph;
}

/**
 * Pulls nodes lazily: records arrive in batches of the driver's `fetchSize` (default 1000, set it
 * with `driverConfig.fetchSize`) and the next batch is only requested as the loop consumes the
 * previous one, so memory stays bounded whatever the result size.
 *
 * A stream runs in its own read transaction on its own session, opened when iteration starts and
 * committed when it ends; it never joins a `readTransaction` / `writeTransaction` in progress
 * (a managed transaction cannot outlive its callback, and a stream may). Leaving the loop early
 * (`break`, `return`, an exception) rolls the transaction back and closes the session.
 */
export async function* streamNodes<T>(
  state: NodeSetState,
  options: StreamOptions = {},
): AsyncGenerator<T, void, undefined> {
  const { compiled, layout } = compileNodes(state);
  const map = tolerant(nodeMapper<T>(lastStage(state).definition, layout, false), state.lenient);
  const graph = options.graph ?? Graph.current();
  const session = graph.session('READ');
  const started = performance.now();
  let rows = 0;
  let tx: Transaction | undefined;
  let committed = false;
  try {
    tx = await session.beginTransaction();
    const result = tx.run(compiled.cypher, compiled.params);
    for await (const record of result) {
      rows += 1;
      const item = map(record);
      if (item !== SKIPPED) yield item;
    }
    const summary = await result.summary();
    await tx.commit();
    committed = true;
    graph.logQuery(compiled, 'READ', started, rows, summary.notifications);
  } catch (error) {
    redactError(error, compiled);
    graph.logQuery(compiled, 'READ', started, rows, [], error);
    throw translateNeo4jError(error, compiled.cypher);
  } finally {
    if (!committed && tx?.isOpen()) await tx.rollback().catch(() => undefined);
    await session.close();
  }
}
