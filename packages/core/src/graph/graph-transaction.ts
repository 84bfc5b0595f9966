import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import type { AccessMode, Graph } from './graph';
import { toPlain } from './to-plain';

/**
 * The transaction handed to `graph.readTransaction` / `graph.writeTransaction` callbacks. Model
 * operations inside the callback join it automatically; this object is for Cypher of your own.
 */
export class GraphTransaction {
  constructor(
    readonly graph: Graph,
    private readonly tx: ManagedTransaction | Transaction,
    readonly mode: AccessMode,
  ) {}

  /** Runs Cypher in this transaction; rows come back as plain objects (see `toPlain`). */
  run(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    return this.graph.runIn(this.tx, { cypher, params }, this.mode, (record) => {
      const row: Record<string, unknown> = {};
      for (const key of record.keys) row[key as string] = toPlain(record.get(key));
      return row;
    });
  }
}
