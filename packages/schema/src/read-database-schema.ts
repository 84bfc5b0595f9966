import { type CompiledQuery, type Graph, toPlain } from '@cartograph/core';
import { runCompiled } from '@cartograph/core/internal';
import { callProcedure, query, render, showConstraints, showIndexes } from '@cartograph/cypher';
import { constraintFromRow, indexFromRow, type SchemaRow } from './normalise-actual';
import type { SchemaItem } from './schema-item';

/** The schema a database has, and the server it runs on. */
export interface DatabaseSchema {
  readonly edition: 'community' | 'enterprise';
  /** Neo4j kernel version, e.g. `5.26.30`. */
  readonly version: string;
  /** Constraints, then indexes; without LOOKUP indexes and indexes a constraint owns. */
  readonly items: SchemaItem[];
}

/**
 * Reads `SHOW CONSTRAINTS` and `SHOW INDEXES` of the graph's database, plus the server's edition
 * and version from `dbms.components()`.
 */
export async function readDatabaseSchema(graph: Graph): Promise<DatabaseSchema> {
  const components = await read(
    graph,
    render(query(callProcedure('dbms.components', [], { yield: ['name', 'versions', 'edition'] }))),
  );
  const kernel = components.find((row) => row.name === 'Neo4j Kernel') ?? components[0] ?? {};
  const versions = Array.isArray(kernel.versions) ? kernel.versions.map(String) : [];
  const constraints = await read(graph, render(showConstraints()));
  const indexes = await read(graph, render(showIndexes()));
  const items = [
    ...constraints.map(constraintFromRow),
    ...indexes.map(indexFromRow).filter((item): item is SchemaItem => item !== undefined),
  ];
  return {
    edition: String(kernel.edition).toLowerCase() === 'enterprise' ? 'enterprise' : 'community',
    version: versions[0] ?? 'unknown',
    items,
  };
}

function read(graph: Graph, compiled: CompiledQuery): Promise<SchemaRow[]> {
  return runCompiled(graph, compiled, 'READ', (record) => {
    const row: Record<string, unknown> = {};
    for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
    return row;
  });
}
