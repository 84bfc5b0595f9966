import type { Node as Neo4jNode } from 'neo4j-driver';
import type { AnyClass, NodeDefinition, PropertyDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import { setState } from './entity-state';
import { readStoredValue, type StoredSource } from './stored-value';

/**
 * Turns a driver node into an instance of the most specific model its labels match (falling back
 * to `definition`), with every declared property inflated and its state set for dirty tracking.
 */
export function hydrateNode<T extends object>(definition: NodeDefinition, node: Neo4jNode): T {
  const resolved = registry.resolveByLabels(node.labels);
  const actual = resolved && isSubclass(resolved.target, definition.target) ? resolved : definition;
  const instance = instantiate(actual.target) as T;
  assignProperties(actual.name, actual.properties, instance, node.properties, {
    labels: node.labels,
    elementId: node.elementId,
  });
  setState(instance, { elementId: node.elementId, snapshot: node.properties });
  return instance;
}

/**
 * Writes inflated stored values onto an instance; absent properties stay unset. Every value is
 * checked as a write would check it (see `readStoredValue`), and all are read before any is
 * assigned, so a refused node leaves `instance` unchanged (`refresh()` keeps the old values).
 * @throws HydrationError when the stored data breaks the model
 */
export function assignProperties(
  model: string,
  properties: ReadonlyMap<string, PropertyDefinition>,
  instance: object,
  stored: Record<string, unknown>,
  source: StoredSource,
): void {
  const read: Array<[string, unknown]> = [];
  for (const property of properties.values()) {
    read.push([property.name, readStoredValue(model, property, stored[property.dbName], source)]);
  }
  const target = instance as Record<string, unknown>;
  for (const [name, value] of read) {
    if (value === undefined) delete target[name];
    else target[name] = value;
  }
}

/**
 * Creates an instance without arguments. Relationship fields a class-field transform defined as
 * own `undefined` properties would hide the prototype accessors, so they are removed.
 */
export function instantiate(target: AnyClass): object {
  const instance = new (target as new () => object)();
  removeShadowingFields(instance);
  return instance;
}

/** Removes own `undefined` fields that shadow accessors (relationship managers, aliases). */
export function removeShadowingFields(instance: object): void {
  for (const key of Object.keys(instance)) {
    if ((instance as Record<string, unknown>)[key] !== undefined) continue;
    const accessor = findAccessor(Object.getPrototypeOf(instance), key);
    if (accessor) delete (instance as Record<string, unknown>)[key];
  }
}

function findAccessor(prototype: object | null, key: string): PropertyDescriptor | undefined {
  for (let p = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, key);
    if (descriptor) return descriptor.get ? descriptor : undefined;
  }
  return undefined;
}

function isSubclass(candidate: AnyClass, base: AnyClass): boolean {
  return candidate === base || candidate.prototype instanceof base;
}
