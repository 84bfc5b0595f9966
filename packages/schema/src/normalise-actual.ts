import { normalisePropertyType } from './from-planned';
import type { ConstraintType, IndexType, SchemaItem } from './schema-item';

/** One row of `SHOW CONSTRAINTS YIELD *` or `SHOW INDEXES YIELD *`, with driver values made plain. */
export type SchemaRow = Readonly<Record<string, unknown>>;

/**
 * A `SHOW CONSTRAINTS` row as a {@link SchemaItem}. Older 5.x servers report relationship
 * uniqueness as `UNIQUENESS` with entity `RELATIONSHIP`; it is folded into the 5.26 name.
 */
export function constraintFromRow(row: SchemaRow): SchemaItem {
  const entity = entityOf(row);
  let type = String(row.type) as ConstraintType;
  if (entity === 'relationship' && type === 'UNIQUENESS') type = 'RELATIONSHIP_UNIQUENESS';
  const propertyType =
    typeof row.propertyType === 'string' ? normalisePropertyType(row.propertyType) : undefined;
  return {
    name: String(row.name),
    kind: 'constraint',
    entity,
    labels: strings(row.labelsOrTypes),
    properties: strings(row.properties),
    type,
    ...(propertyType === undefined ? {} : { propertyType }),
    options: {},
    ...createStatementOf(row),
  };
}

/**
 * A `SHOW INDEXES` row as a {@link SchemaItem}, or `undefined` for rows the diff must ignore: the
 * built-in LOOKUP indexes and indexes that a constraint owns (they come and go with it).
 */
export function indexFromRow(row: SchemaRow): SchemaItem | undefined {
  if (row.type === 'LOOKUP' || (row.owningConstraint !== null && row.owningConstraint !== undefined))
    return undefined;
  const options = (row.options ?? {}) as { indexConfig?: Record<string, unknown> };
  return {
    name: String(row.name),
    kind: 'index',
    entity: entityOf(row),
    labels: strings(row.labelsOrTypes),
    properties: strings(row.properties),
    type: String(row.type) as IndexType,
    options: { ...(options.indexConfig ?? {}) },
    ...createStatementOf(row),
  };
}

function entityOf(row: SchemaRow): 'node' | 'relationship' {
  return row.entityType === 'RELATIONSHIP' ? 'relationship' : 'node';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function createStatementOf(row: SchemaRow): { createStatement?: string } {
  return typeof row.createStatement === 'string' ? { createStatement: row.createStatement } : {};
}
