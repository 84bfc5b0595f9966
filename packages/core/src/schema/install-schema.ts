import {
  callProcedure,
  createConstraint,
  createIndex,
  query as q,
  render,
  returnClause,
  showConstraints,
  showIndexes,
  variable,
} from '@cartograph/cypher';
import type { QueryRunner } from '../executor/types';
import { registry } from '../registry/schema-registry';
import { type PlannedSchemaItem, planSchema } from './schema-plan';

/** What `installSchema` did. */
export interface InstallSchemaResult {
  /** Names of constraints and indexes created now. */
  readonly created: string[];
  /** Names that already existed and were left alone. */
  readonly existing: string[];
  /** Enterprise-only items (node key, existence, property type) not created on Community, with the reason. */
  readonly unsupported: Array<{ name: string; reason: string }>;
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

async function isEnterprise(graph: QueryRunner): Promise<boolean> {
  const query = render(
    q(callProcedure('dbms.components', [], { yield: ['edition'] }), returnClause([variable('edition')])),
  );
  const editions = await graph.run(query, 'READ', (record) => String(record.get('edition')));
  return editions.some((edition) => edition.toLowerCase() === 'enterprise');
}

/**
 * Creates the constraints and indexes the registered models imply, idempotently. Each statement
 * runs in its own transaction, since Neo4j does not mix schema and data changes.
 */
export async function installSchema(graph: QueryRunner): Promise<InstallSchemaResult> {
  const planned = planSchema(registry.nodes(), registry.relationshipModels());
  const nameOf = (record: { get(key: string): unknown }) => record.get('name') as string;
  const present = new Set([
    ...(await graph.run(render(showConstraints()), 'READ', nameOf)),
    ...(await graph.run(render(showIndexes()), 'READ', nameOf)),
  ]);
  const result: InstallSchemaResult = { created: [], existing: [], unsupported: [] };
  const enterprise =
    planned.some((item) => item.kind === 'constraint' && item.enterpriseOnly) && (await isEnterprise(graph));
  for (const item of planned) {
    if (item.kind === 'constraint' && item.enterpriseOnly && !enterprise) {
      result.unsupported.push({
        name: item.name,
        reason: `${item.source}: ${item.type} constraints need Neo4j Enterprise Edition`,
      });
      continue;
    }
    if (present.has(item.name)) {
      result.existing.push(item.name);
      continue;
    }
    // `IF NOT EXISTS`: running it again after a lost COMMIT reply changes nothing.
    await graph.run(render(createCommandFor(item)), 'WRITE', () => undefined, {}, { idempotent: true });
    result.created.push(item.name);
  }
  return result;
}
