import { createConstraint, createIndex, render, showConstraints, showIndexes } from '@cartograph/cypher';
import type { Graph } from '../graph/graph';
import { registry } from '../registry/schema-registry';
import { type PlannedSchemaItem, planSchema } from './schema-plan';

/** What `installSchema` did. */
export interface InstallSchemaResult {
  /** Names of constraints and indexes created now. */
  readonly created: string[];
  /** Names that already existed and were left alone. */
  readonly existing: string[];
}

/** The schema command that creates a planned item (`IF NOT EXISTS`, so it is safe to repeat). */
export function createCommandFor(item: PlannedSchemaItem) {
  if (item.kind === 'constraint') {
    return createConstraint({
      name: item.name,
      entity: item.entity,
      label: item.label,
      properties: item.properties,
      kind: item.type,
      propertyType: item.propertyType,
      ifNotExists: true,
    });
  }
  return createIndex({
    name: item.name,
    entity: item.entity,
    label: item.label,
    properties: item.properties,
    type: item.type,
    options: item.vector
      ? { dimensions: item.vector.dimensions, similarity: item.vector.similarity }
      : undefined,
    ifNotExists: true,
  });
}

/**
 * Creates the constraints and indexes the registered models imply, idempotently. Each statement
 * runs in its own transaction, since Neo4j does not mix schema and data changes.
 */
export async function installSchema(graph: Graph): Promise<InstallSchemaResult> {
  const planned = planSchema(registry.nodes(), registry.relationshipModels());
  const nameOf = (record: { get(key: string): unknown }) => record.get('name') as string;
  const present = new Set([
    ...(await graph.run(render(showConstraints()), 'READ', nameOf)),
    ...(await graph.run(render(showIndexes()), 'READ', nameOf)),
  ]);
  const result: InstallSchemaResult = { created: [], existing: [] };
  for (const item of planned) {
    if (present.has(item.name)) {
      result.existing.push(item.name);
      continue;
    }
    await graph.run(render(createCommandFor(item)), 'WRITE', () => undefined);
    result.created.push(item.name);
  }
  return result;
}
