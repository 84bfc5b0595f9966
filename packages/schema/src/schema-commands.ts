import {
  type ConstraintKind,
  type IndexType as CypherIndexType,
  createConstraint,
  createIndex,
  dropConstraint,
  dropIndex,
  type IndexOptions,
  render,
} from '@cartograph/cypher';
import type { ConstraintType, SchemaItem } from './schema-item';

const CONSTRAINT_KINDS: Record<ConstraintType, ConstraintKind> = {
  UNIQUENESS: 'unique',
  RELATIONSHIP_UNIQUENESS: 'unique',
  NODE_KEY: 'nodeKey',
  RELATIONSHIP_KEY: 'relationshipKey',
  NODE_PROPERTY_EXISTENCE: 'exists',
  RELATIONSHIP_PROPERTY_EXISTENCE: 'exists',
  NODE_PROPERTY_TYPE: 'propertyType',
  RELATIONSHIP_PROPERTY_TYPE: 'propertyType',
};

/**
 * `CREATE CONSTRAINT|INDEX ... IF NOT EXISTS` for an item, built with the Cypher AST. Only vector
 * settings are carried over from `options`; other index config (fulltext analyzer, point bounds)
 * takes Neo4j's defaults.
 */
export function createStatementFor(item: SchemaItem): string {
  if (item.kind === 'constraint') {
    const command = createConstraint({
      name: item.name,
      entity: item.entity,
      label: item.labels[0] ?? '',
      properties: item.properties,
      kind: CONSTRAINT_KINDS[item.type as ConstraintType],
      propertyType: item.propertyType,
      ifNotExists: true,
    });
    return render(command).cypher;
  }
  const command = createIndex({
    name: item.name,
    entity: item.entity,
    label: item.labels,
    properties: item.properties,
    type: item.type.toLowerCase() as CypherIndexType,
    options: item.type === 'VECTOR' ? vectorOptions(item.options) : undefined,
    ifNotExists: true,
  });
  return render(command).cypher;
}

/** `DROP CONSTRAINT|INDEX name IF EXISTS`. */
export function dropStatementFor(item: SchemaItem): string {
  const command =
    item.kind === 'constraint'
      ? dropConstraint(item.name, { ifExists: true })
      : dropIndex(item.name, { ifExists: true });
  return render(command).cypher;
}

function vectorOptions(options: Readonly<Record<string, unknown>>): IndexOptions | undefined {
  const dimensions = options['vector.dimensions'];
  const similarity = options['vector.similarity_function'];
  const result: { dimensions?: number; similarity?: 'cosine' | 'euclidean' } = {};
  if (dimensions !== undefined && dimensions !== null) result.dimensions = Number(dimensions);
  if (typeof similarity === 'string')
    result.similarity = similarity.toLowerCase() === 'euclidean' ? 'euclidean' : 'cosine';
  return Object.keys(result).length === 0 ? undefined : result;
}
