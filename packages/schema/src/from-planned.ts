import type { PlannedSchemaItem } from '@cartograph/core/internal';
import type { ConstraintType, IndexType, SchemaItem } from './schema-item';

const CONSTRAINT_TYPES = {
  unique: { node: 'UNIQUENESS', relationship: 'RELATIONSHIP_UNIQUENESS' },
  nodeKey: { node: 'NODE_KEY', relationship: 'RELATIONSHIP_KEY' },
  exists: { node: 'NODE_PROPERTY_EXISTENCE', relationship: 'RELATIONSHIP_PROPERTY_EXISTENCE' },
  propertyType: { node: 'NODE_PROPERTY_TYPE', relationship: 'RELATIONSHIP_PROPERTY_TYPE' },
} as const satisfies Record<string, Record<'node' | 'relationship', ConstraintType>>;

/** The planned constraint or index in the shape the database reports, so the two compare directly. */
export function fromPlanned(item: PlannedSchemaItem): SchemaItem {
  const common = {
    name: item.name,
    entity: item.entity,
    labels: [item.label],
    properties: [...item.properties],
    source: item.source,
  };
  if (item.kind === 'constraint') {
    return {
      ...common,
      kind: 'constraint',
      type: CONSTRAINT_TYPES[item.type][item.entity],
      ...(item.propertyType === undefined ? {} : { propertyType: normalisePropertyType(item.propertyType) }),
      options: {},
      ...(item.enterpriseOnly ? { enterpriseOnly: true } : {}),
    };
  }
  const options = item.vector
    ? { 'vector.dimensions': item.vector.dimensions, 'vector.similarity_function': item.vector.similarity }
    : {};
  return { ...common, kind: 'index', type: item.type.toUpperCase() as IndexType, options };
}

/** `list<string not null>` and `LIST<STRING NOT NULL>` are the same type: compare them upper-cased. */
export function normalisePropertyType(type: string): string {
  return type.trim().replace(/\s+/g, ' ').toUpperCase();
}
