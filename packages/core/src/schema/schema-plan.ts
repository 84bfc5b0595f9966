import { createHash } from 'node:crypto';
import type {
  IndexKind,
  NodeDefinition,
  PropertyDefinition,
  RelationshipModelDefinition,
} from '../registry/definitions';

/** A constraint the models imply. */
export interface PlannedConstraint {
  readonly kind: 'constraint';
  readonly name: string;
  readonly entity: 'node' | 'relationship';
  /** Label, or relationship type. */
  readonly label: string;
  readonly properties: readonly string[];
  /** `nodeKey`, `exists` and `propertyType` need Neo4j Enterprise (see `enterpriseOnly`). */
  readonly type: 'unique' | 'nodeKey' | 'exists' | 'propertyType';
  /** `propertyType` only: the Cypher type, e.g. `STRING`, `LIST<STRING NOT NULL>`. */
  readonly propertyType?: string;
  /** Neo4j Community cannot create it; schema tooling reports it instead of failing. */
  readonly enterpriseOnly?: boolean;
  /** Model and field that asked for it, for messages. */
  readonly source: string;
}

/** An index the models imply. */
export interface PlannedIndex {
  readonly kind: 'index';
  readonly name: string;
  readonly entity: 'node' | 'relationship';
  readonly label: string;
  readonly properties: readonly string[];
  readonly type: IndexKind;
  readonly vector?: { dimensions: number; similarity: 'cosine' | 'euclidean' };
  readonly source: string;
}

export type PlannedSchemaItem = PlannedConstraint | PlannedIndex;

/**
 * Every constraint and index the registry implies, each with a deterministic name: a unique
 * property gets a uniqueness constraint (which brings its own index); `index: true|kind` gets an
 * index of that kind; `exists`, `typeConstraint` and `@Node({ nodeKey })` get Enterprise-only
 * constraints. Relationship models are planned the same way on their type. Pure: reads
 * definitions, touches no database.
 */
export function planSchema(
  nodes: readonly NodeDefinition[],
  relationshipModels: readonly RelationshipModelDefinition[] = [],
): PlannedSchemaItem[] {
  const planned = new Map<string, PlannedSchemaItem>();
  const add = (item: PlannedSchemaItem) => planned.set(item.name, item);
  for (const definition of nodes) {
    if (definition.nodeKey?.length) add(nodeKeyConstraint(definition));
    for (const property of ownProperties(definition, nodes)) {
      planProperty('node', definition.primaryLabel, definition.name, property).forEach(add);
    }
  }
  for (const model of relationshipModels) {
    for (const property of model.properties.values())
      planProperty('relationship', model.type, model.name, property).forEach(add);
  }
  return [...planned.values()];
}

/** `@Node({ nodeKey: [...] })`: one composite node key over the fields' property keys. */
function nodeKeyConstraint(definition: NodeDefinition): PlannedConstraint {
  const keys = (definition.nodeKey ?? []).map((field) => definition.properties.get(field)?.dbName ?? field);
  const label = definition.primaryLabel;
  return {
    kind: 'constraint',
    name: schemaName(label, keys.join('_'), 'key'),
    entity: 'node',
    label,
    properties: keys,
    type: 'nodeKey',
    enterpriseOnly: true,
    source: `${definition.name}.nodeKey`,
  };
}

/** Properties a parent model already covers are planned once, on the parent's label. */
function ownProperties(definition: NodeDefinition, all: readonly NodeDefinition[]): PropertyDefinition[] {
  const parent = all.find(
    (other) => other !== definition && definition.target.prototype instanceof other.target,
  );
  return [...definition.properties.values()].filter((property) => !parent?.properties.has(property.name));
}

function planProperty(
  entity: 'node' | 'relationship',
  label: string,
  model: string,
  property: PropertyDefinition,
): PlannedSchemaItem[] {
  const source = `${model}.${property.name}`;
  const items: PlannedSchemaItem[] = [];
  if (property.unique || property.isIdentity) {
    items.push({
      kind: 'constraint',
      name: property.constraintName ?? schemaName(label, property.dbName, 'unique'),
      entity,
      label,
      properties: [property.dbName],
      type: 'unique',
      source,
    });
  }
  const single = {
    kind: 'constraint',
    entity,
    label,
    properties: [property.dbName],
    enterpriseOnly: true,
    source,
  } as const;
  if (property.exists)
    items.push({ ...single, name: schemaName(label, property.dbName, 'exists'), type: 'exists' });
  if (property.typeConstraint) {
    items.push({
      ...single,
      name: schemaName(label, property.dbName, 'type'),
      type: 'propertyType',
      propertyType: property.type.cypherType,
    });
  }
  if (property.index && !(property.index === 'range' && (property.unique || property.isIdentity))) {
    items.push({
      kind: 'index',
      name: property.indexName ?? schemaName(label, property.dbName, property.index),
      entity,
      label,
      properties: [property.dbName],
      type: property.index,
      vector: property.vector,
      source,
    });
  }
  return items;
}

/**
 * `person_email_unique`: readable, valid as an unquoted schema name, and stable. Labels or keys with
 * characters outside [A-Za-z0-9_] are folded and get a short hash so distinct names stay distinct.
 */
export function schemaName(label: string, property: string, suffix: string): string {
  const raw = `${label}_${property}_${suffix}`;
  const folded = raw.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
  const safe = /^[a-z]/.test(folded) ? folded : `s_${folded}`;
  return safe === raw.toLowerCase()
    ? safe
    : `${safe}_${createHash('sha1').update(raw).digest('hex').slice(0, 6)}`;
}
