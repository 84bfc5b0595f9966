import { ModelDefinitionError, UnknownModelError } from '../errors';
import { checkRelationships } from './check-relationships';
import type {
  AnyClass,
  NodeDefinition,
  PropertyDefinition,
  RelationshipModelDefinition,
} from './definitions';
import { registerRecord } from './record-ids';
import { sharedStore } from './shared-store';

/**
 * The one place that knows every model. Decorators write to it; persistence, hydration, queries,
 * schema tooling and migrations read it. Nothing else reads decorator metadata.
 */
export class SchemaRegistry {
  readonly #nodes = new Map<AnyClass<unknown>, NodeDefinition>();
  readonly #nodesByLabel = new Map<string, NodeDefinition>();
  readonly #relationshipModels = new Map<AnyClass<unknown>, RelationshipModelDefinition>();
  /** Cache of "most specific model for this label set" lookups used while hydrating results. */
  readonly #resolved = new Map<string, NodeDefinition | undefined>();
  /** Set by the first {@link SchemaRegistry.seal}: later registrations are frozen as they arrive. */
  #sealed = false;
  #generation = 0;

  /** Changes whenever a node model registers, so that caches of label resolutions know to start over. */
  get generation(): number {
    return this.#generation;
  }

  registerNode(definition: NodeDefinition): void {
    if (this.#sealed) freezeNode(definition);
    nameNodeRecords(definition);
    const existing = this.#nodesByLabel.get(definition.primaryLabel);
    if (existing && existing.name !== definition.name) {
      throw new ModelDefinitionError(
        definition.name,
        `the label "${definition.primaryLabel}" already belongs to ${existing.name}. Give one of them another label with @Node({ label: '...' }).`,
      );
    }
    if (existing) this.#nodes.delete(existing.target); // a class defined again (watch mode, hot reload)
    this.#nodes.set(definition.target, definition);
    this.#nodesByLabel.set(definition.primaryLabel, definition);
    this.#resolved.clear();
    this.#generation++;
  }

  registerRelationshipModel(definition: RelationshipModelDefinition): void {
    if (this.#sealed) freezeRelationshipModel(definition);
    nameRelationshipModelRecords(definition);
    this.#relationshipModels.set(definition.target, definition);
  }

  hasRelationshipModel(target: AnyClass<unknown>): boolean {
    return this.#relationshipModels.has(target);
  }

  /**
   * Validates every model and freezes its definition; `Graph.connect` calls it. Relationship
   * targets, lazy while modules load, must by now resolve to `@Node` models and relationship models
   * to `@Rel` classes. Definitions are frozen so that nothing changes a model while queries run.
   * Models registered later (a module imported after connecting) are frozen as they register and
   * checked by the next `seal` (the next connect) or at first use.
   * @throws ModelDefinitionError naming the model and field.
   */
  seal(): void {
    for (const definition of this.#nodes.values()) checkRelationships(definition, this);
    for (const definition of this.#nodes.values()) freezeNode(definition);
    for (const definition of this.#relationshipModels.values()) freezeRelationshipModel(definition);
    this.#sealed = true;
  }

  /** The definition of a `@Node` class; throws when the class is not decorated. */
  node(target: AnyClass<unknown>): NodeDefinition {
    const definition = this.#nodes.get(target);
    if (!definition) {
      throw new UnknownModelError(`${target.name} is not a registered node model. Decorate it with @Node().`);
    }
    return definition;
  }

  findNode(target: AnyClass<unknown>): NodeDefinition | undefined {
    return this.#nodes.get(target);
  }

  nodeByLabel(label: string): NodeDefinition | undefined {
    return this.#nodesByLabel.get(label);
  }

  /** The definition of a `@Rel` class; throws when the class is not decorated. */
  relationshipModel(target: AnyClass<unknown>): RelationshipModelDefinition {
    const definition = this.#relationshipModels.get(target);
    if (!definition) {
      throw new UnknownModelError(
        `${target.name} is not a registered relationship model. Decorate it with @Rel('TYPE').`,
      );
    }
    return definition;
  }

  /** Every node model, in registration order. */
  nodes(): NodeDefinition[] {
    return [...this.#nodes.values()];
  }

  relationshipModels(): RelationshipModelDefinition[] {
    return [...this.#relationshipModels.values()];
  }

  /**
   * The most specific model whose labels a node carries: a node labelled `Person:Employee` becomes
   * an `Employee` when `Employee extends Person`.
   */
  resolveByLabels(labels: readonly string[]): NodeDefinition | undefined {
    const key = labels.join('\u0000');
    if (this.#resolved.has(key)) return this.#resolved.get(key);
    let best: NodeDefinition | undefined;
    for (const definition of this.#nodes.values()) {
      if (!definition.labels.every((label) => labels.includes(label))) continue;
      if (!best || definition.labels.length > best.labels.length) best = definition;
    }
    this.#resolved.set(key, best);
    return best;
  }
}

/** Gives the definition and what it holds their tokens for the compile cache (see record-ids.ts). */
function nameNodeRecords(definition: NodeDefinition): void {
  registerRecord(definition);
  nameProperties(definition.properties);
  for (const relationship of definition.relationships.values()) registerRecord(relationship);
}

function nameRelationshipModelRecords(definition: RelationshipModelDefinition): void {
  registerRecord(definition);
  nameProperties(definition.properties);
}

function nameProperties(properties: ReadonlyMap<string, PropertyDefinition>): void {
  for (const property of properties.values()) {
    registerRecord(property);
    registerRecord(property.type);
  }
}

function freezeNode(definition: NodeDefinition): void {
  for (const property of definition.properties.values()) Object.freeze(property);
  for (const relationship of definition.relationships.values()) Object.freeze(relationship);
  Object.freeze(definition.labels);
  Object.freeze(definition);
}

function freezeRelationshipModel(definition: RelationshipModelDefinition): void {
  for (const property of definition.properties.values()) Object.freeze(property);
  Object.freeze(definition);
}

/**
 * The registry decorators write to unless told otherwise: one per process, shared by every copy
 * of `@cartograph/core` (see `sharedStore`).
 */
export const registry: SchemaRegistry = sharedStore('registry', () => new SchemaRegistry());
