import type { PropertyDefinition } from '../registry/definitions';

/** Stored values of an instance by Neo4j property key; unset fields are absent. */
export function deflateEntity(
  model: string,
  properties: ReadonlyMap<string, PropertyDefinition>,
  instance: object,
): Record<string, unknown> {
  const values = instance as Record<string, unknown>;
  const stored: Record<string, unknown> = {};
  for (const property of properties.values()) {
    const value = values[property.name];
    if (value === null || value === undefined) continue;
    stored[property.dbName] = property.type.deflate(value, { model, field: property.name });
  }
  return stored;
}

/** Fills unset fields that declare a default (a function default is called once per instance). */
export function applyDefaults(properties: ReadonlyMap<string, PropertyDefinition>, instance: object): void {
  const values = instance as Record<string, unknown>;
  for (const property of properties.values()) {
    if (!property.hasDefault || (values[property.name] !== undefined && values[property.name] !== null))
      continue;
    const fallback = property.defaultValue;
    values[property.name] = typeof fallback === 'function' ? (fallback as () => unknown)() : fallback;
  }
}
