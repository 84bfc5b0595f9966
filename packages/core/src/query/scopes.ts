import type { PropertyType } from '../properties/property-type';
import { stringType } from '../properties/string-type';
import type { NodeDefinition, PropertyDefinition, RelationshipDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import type { FieldRef } from './operands';
import type { Subject } from './plan';

/** A field a filter, sort key or projection may name, resolved. */
export interface ResolvedField {
  readonly ref: FieldRef;
  readonly on: Subject;
  /** Stored property name, or the annotation alias. */
  readonly key: string;
}

/** The names one filter level may use: a node model (with annotations) or a relationship model. */
export interface FieldScope {
  readonly model: string;
  readonly relationships: ReadonlyMap<string, RelationshipDefinition> | undefined;
  field(name: string): ResolvedField | undefined;
  /** Every name `field` accepts plus the relationship names, for error messages. */
  knownKeys(): string[];
}

const ID_TYPE = stringType();
const scopes = new WeakMap<NodeDefinition, FieldScope>();
const relationshipScopes = new WeakMap<RelationshipDefinition, FieldScope>();

/** Fields of a node model: properties, aliases, relationships, `elementId`, and annotations. */
export function nodeScope(
  definition: NodeDefinition,
  annotations?: ReadonlyMap<string, PropertyType>,
): FieldScope {
  if (annotations === undefined || annotations.size === 0) {
    let scope = scopes.get(definition);
    if (!scope) {
      scope = buildNodeScope(definition, undefined);
      scopes.set(definition, scope);
    }
    return scope;
  }
  return buildNodeScope(definition, annotations);
}

function buildNodeScope(
  definition: NodeDefinition,
  annotations: ReadonlyMap<string, PropertyType> | undefined,
): FieldScope {
  const model = definition.name;
  const fields = new Map<string, ResolvedField>();
  for (const property of definition.properties.values())
    fields.set(property.name, propertyField(model, property, 'node'));
  for (const [alias, field] of definition.aliases) {
    const property = definition.properties.get(field);
    if (property) fields.set(alias, propertyField(model, property, 'node'));
  }
  fields.set('elementId', { ref: { model, name: 'elementId', type: ID_TYPE }, on: 'id', key: '' });
  for (const [name, type] of annotations ?? [])
    fields.set(name, { ref: { model, name, type }, on: 'ann', key: name });
  return {
    model,
    relationships: definition.relationships,
    field: (name) => fields.get(name),
    knownKeys: () => [...fields.keys(), ...definition.relationships.keys()],
  };
}

/** Fields of the relationship model of `relationship` (none when it has no model). */
export function relationshipScope(relationship: RelationshipDefinition): FieldScope {
  let scope = relationshipScopes.get(relationship);
  if (!scope) {
    scope = buildRelationshipScope(relationship);
    relationshipScopes.set(relationship, scope);
  }
  return scope;
}

function buildRelationshipScope(relationship: RelationshipDefinition): FieldScope {
  const properties: ReadonlyMap<string, PropertyDefinition> = relationship.model
    ? registry.relationshipModel(relationship.model).properties
    : new Map();
  const model = relationship.model ? relationship.model.name : `relationship ${relationship.type}`;
  const fields = new Map<string, ResolvedField>();
  for (const property of properties.values())
    fields.set(property.name, propertyField(model, property, 'rel'));
  return {
    model,
    relationships: undefined,
    field: (name) => fields.get(name),
    knownKeys: () => [...fields.keys()],
  };
}

function propertyField(model: string, property: PropertyDefinition, on: Subject): ResolvedField {
  const ref = { model, name: property.name, type: property.type, sensitive: property.sensitive === true };
  return { ref, on, key: property.dbName };
}
