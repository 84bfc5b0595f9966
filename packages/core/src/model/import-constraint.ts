import { render, showConstraints } from '@cartograph/cypher';
import type { Graph } from '../graph/graph';
import type { NodeDefinition } from '../registry/definitions';

/**
 * Whether the database holds a uniqueness (or node key) constraint on one of the model's labels
 * whose properties are all among `keys`. Then a row whose key is already stored cannot be created
 * again: the constraint refuses it, so an import batch can be sent as a plain CREATE and only a
 * refused batch needs the key lookup (see `importMany`).
 */
export async function keyIsConstrained(
  graph: Graph,
  definition: NodeDefinition,
  keys: readonly string[],
): Promise<boolean> {
  const rows = await graph.run(render(showConstraints()), 'READ', (record) => ({
    type: String(record.get('type')),
    entityType: String(record.get('entityType')),
    labels: (record.get('labelsOrTypes') ?? []) as string[],
    properties: (record.get('properties') ?? []) as string[],
  }));
  return rows.some(
    (row) =>
      row.entityType === 'NODE' &&
      (row.type === 'UNIQUENESS' || row.type === 'NODE_KEY' || row.type === 'NODE_PROPERTY_UNIQUENESS') &&
      row.labels.some((label) => definition.labels.includes(label)) &&
      row.properties.length > 0 &&
      row.properties.every((property) => keys.includes(property)),
  );
}
