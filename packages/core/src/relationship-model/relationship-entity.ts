import type { Relationship as Neo4jRelationship } from 'neo4j-driver';
import { NotSavedError, ValidationError } from '../errors';
import { resolveGraph } from '../graph/resolve-graph';
import { applyDefaults, deflateEntity } from '../mapping/deflate-entity';
import { setState, stateOf } from '../mapping/entity-state';
import { assignProperties } from '../mapping/hydrate';
import { sensitiveDbNames } from '../mapping/sensitive-keys';
import { validateEntity } from '../mapping/validate-entity';
import { assignInput, type UnknownPropertiesPolicy, type WriteOptions } from '../mapping/write-input';
import type { AnyClass, PropertyDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import { relationshipQueries } from './relationship-queries';

const noProperties: ReadonlyMap<string, PropertyDefinition> = new Map();

interface RelationshipEnds {
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
}
const ends = new WeakMap<object, RelationshipEnds>();

/**
 * Base class of relationship models (`@Rel('KNOWS') class Knows extends RelationshipEntity`).
 * Relationships without a model are loaded as plain `RelationshipEntity` instances.
 */
export class RelationshipEntity {
  /** The relationship's element id once created. */
  get elementId(): string | undefined {
    return stateOf(this).elementId;
  }

  /** The relationship type, e.g. `KNOWS`. */
  get type(): string | undefined {
    return ends.get(this)?.type;
  }

  get startNodeElementId(): string | undefined {
    return ends.get(this)?.startNodeElementId;
  }

  get endNodeElementId(): string | undefined {
    return ends.get(this)?.endNodeElementId;
  }

  /** Writes changed properties of an existing relationship (validated first). */
  async save(): Promise<this> {
    const { name, properties } = relationshipModelOf(this.constructor as AnyClass);
    const state = stateOf(this);
    if (state.elementId === undefined) throw new NotSavedError(name, 'save');
    const errors = validateEntity(this.constructor as AnyClass, properties, this);
    if (errors.length > 0) throw new ValidationError(name, errors);
    const stored = deflateEntity(name, properties, this);
    const changes: Record<string, unknown> = {};
    for (const { dbName } of properties.values()) changes[dbName] = stored[dbName] ?? null;
    await resolveGraph().run(
      { ...relationshipQueries.update(state.elementId, changes, sensitiveDbNames(properties)), model: name },
      'WRITE',
      () => undefined,
    );
    state.snapshot = stored;
    return this;
  }

  /** Reloads the relationship's properties. */
  async refresh(): Promise<this> {
    const { name, properties } = relationshipModelOf(this.constructor as AnyClass);
    const state = stateOf(this);
    if (state.elementId === undefined) throw new NotSavedError(name, 'refresh');
    const [relationship] = await resolveGraph().run(
      { ...relationshipQueries.load(state.elementId), model: name },
      'READ',
      (r) => r.get('r') as Neo4jRelationship,
    );
    if (relationship) {
      assignProperties(name, properties, this, relationship.properties, {
        labels: [relationship.type],
        elementId: relationship.elementId,
      });
      state.snapshot = relationship.properties;
    }
    return this;
  }

  /** The properties plus element id and type, as a plain object. */
  toJSON(): Record<string, unknown> {
    const { properties } = relationshipModelOf(this.constructor as AnyClass);
    const json: Record<string, unknown> = { elementId: this.elementId, type: this.type };
    for (const property of properties.values())
      json[property.name] = (this as unknown as Record<string, unknown>)[property.name];
    return json;
  }
}

/** Name and properties of a relationship model; the base class has none. */
export function relationshipModelOf(target: AnyClass): {
  name: string;
  properties: ReadonlyMap<string, PropertyDefinition>;
  unknownProperties?: UnknownPropertiesPolicy;
} {
  if (target === RelationshipEntity) return { name: 'RelationshipEntity', properties: noProperties };
  return registry.relationshipModel(target);
}

/** Instance of `model` (or the base class) for a driver relationship. */
export function hydrateRelationship<R extends RelationshipEntity>(
  model: AnyClass | undefined,
  relationship: Neo4jRelationship,
): R {
  const target = model ?? RelationshipEntity;
  const { name, properties } = relationshipModelOf(target);
  const instance = new (target as new () => R)();
  assignProperties(name, properties, instance, relationship.properties, {
    labels: [relationship.type],
    elementId: relationship.elementId,
  });
  setState(instance, { elementId: relationship.elementId, snapshot: relationship.properties });
  ends.set(instance, {
    type: relationship.type,
    startNodeElementId: relationship.startNodeElementId,
    endNodeElementId: relationship.endNodeElementId,
  });
  return instance;
}

/**
 * Stored properties for a new relationship of `model` from user-given values: defaults applied,
 * validated (throws ValidationError before anything is written). Undeclared keys are refused
 * unless `options.unknownProperties` (else the model's `@Rel({ unknownProperties })`) allows them.
 */
export function prepareRelationshipProperties(
  model: AnyClass | undefined,
  values: object | undefined,
  options: WriteOptions = {},
): Record<string, unknown> {
  const target = model ?? RelationshipEntity;
  const definition = relationshipModelOf(target);
  const { name, properties } = definition;
  const draft = new (target as new () => object)();
  assignInput(definition, draft, values, options);
  applyDefaults(properties, draft);
  const errors = validateEntity(target, properties, draft);
  if (errors.length > 0) throw new ValidationError(name, errors);
  return deflateEntity(name, properties, draft);
}
