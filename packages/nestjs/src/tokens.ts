import { Graph } from '@cartograph/core';

/** The name of the graph `CartographModule.forRoot` registers when it is given none. */
export const DEFAULT_GRAPH_NAME = 'default';

/**
 * The injection token of a graph: the `Graph` class itself for the default graph (so a constructor
 * parameter typed `Graph` is injected without a decorator), a string for a named one.
 */
export function getGraphToken(name: string = DEFAULT_GRAPH_NAME): string | typeof Graph {
  return name === DEFAULT_GRAPH_NAME ? Graph : `CartographGraph:${name}`;
}

/** The injection token of a model class registered with `CartographModule.forFeature`. */
export function getModelToken(model: { readonly name: string }, graph: string = DEFAULT_GRAPH_NAME): string {
  return graph === DEFAULT_GRAPH_NAME
    ? `CartographModel:${model.name}`
    : `CartographModel:${graph}:${model.name}`;
}

/** @internal The token of the graph name a `CartographCoreModule` serves. */
export const GRAPH_NAME = Symbol('CartographGraphName');
/** @internal The token of a `CartographCoreModule`'s options. */
export const MODULE_OPTIONS = Symbol('CartographModuleOptions');
/** @internal The metadata key `@Transactional()` sets. */
export const TRANSACTIONAL = 'cartograph:transactional';

/** What `@Transactional()` runs a handler in. */
export interface TransactionalOptions {
  /** The graph (a `forRoot({ name })`); default the default graph. */
  graph?: string;
  /** `'WRITE'` (default) or `'READ'`. */
  mode?: 'READ' | 'WRITE';
  /** Deadline of the whole transaction, in milliseconds; default the graph's `defaultTimeoutMs`. */
  timeoutMs?: number;
}
