import type { ActiveTransaction } from '../executor/transaction-context';
import type { Graph } from './graph';
import { toPlain } from './to-plain';

/**
 * The transaction handed to `graph.readTransaction` / `graph.writeTransaction` callbacks. Model
 * operations inside the callback join it automatically; this object is for Cypher of your own.
 */
export class GraphTransaction {
  /** @internal */
  protected readonly active: ActiveTransaction;

  /** @internal Made by the graph; user code receives it. */
  constructor(active: ActiveTransaction) {
    this.active = active;
  }

  /** The graph this transaction belongs to. */
  get graph(): Graph {
    return this.active.graph;
  }

  /** `READ` or `WRITE`. */
  get mode(): 'READ' | 'WRITE' {
    return this.active.mode;
  }

  /** Runs Cypher in this transaction; rows come back as plain objects (see `toPlain`). */
  run(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    return this.active.graph.runIn(this.active, { cypher, params }, this.mode, plainRow);
  }
}

function plainRow(record: { keys: PropertyKey[]; get(key: PropertyKey): unknown }): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key of record.keys) row[key as string] = toPlain(record.get(key));
  return row;
}
