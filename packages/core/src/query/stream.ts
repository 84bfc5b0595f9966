import { Graph } from '../graph/graph';
import type { RunOptions } from '../graph/graph-options';
import { resolveGraph } from '../graph/resolve-graph';
import { compileNodes } from './compile';
import { SKIPPED, tolerant } from './lenient-rows';
import { nodeMapper } from './results';
import { lastStage, type NodeSetState } from './state';

/** Options of `stream`. */
export interface StreamOptions extends Pick<RunOptions, 'timeoutMs' | 'signal'> {
  /** The graph to read from; default the set's `withOptions({ graph })`, else the active transaction's or default graph. */
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
 * (`break`, `return`, an exception) rolls the transaction back and closes the session. Each wait
 * for the server is bounded by `timeoutMs` (else the graph's default); `signal` cancels it.
 */
export async function* streamNodes<T>(
  state: NodeSetState,
  options: StreamOptions = {},
): AsyncGenerator<T, void, undefined> {
  const { compiled, layout } = compileNodes(state);
  const map = tolerant(nodeMapper<T>(lastStage(state).definition, layout, false), state.lenient);
  const graph = resolveGraph({ graph: options.graph ?? state.call?.graph });
  const items = graph.stream(compiled, map, { ...state.call, ...options });
  for await (const item of items) {
    if (item !== SKIPPED) yield item;
  }
}
