import { Graph } from './graph';

/** Options that may name the graph an operation runs on. */
export interface GraphOption {
  /** The graph to run on; default: the active transaction's graph, else the default graph. */
  readonly graph?: Graph;
}

/**
 * The one place where operations find their graph: the graph named explicitly (for queries,
 * `Person.nodes.withOptions({ graph })`), else the graph of the active transaction (inside
 * `graph.writeTransaction(...)` or `explicitTransaction.within(...)`), else the default graph
 * (`Graph.connect` / `Graph.setDefault`). Model and relationship operations run on the active
 * transaction's graph or the default one.
 */
export function resolveGraph(options?: GraphOption): Graph {
  return options?.graph ?? Graph.current();
}
