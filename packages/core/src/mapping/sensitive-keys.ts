import type { PropertyDefinition } from '../registry/definitions';

const cache = new WeakMap<ReadonlyMap<string, PropertyDefinition>, readonly string[] | undefined>();

/**
 * Stored names of a model's sensitive properties, for `CompiledQuery.sensitive`: write queries send
 * property maps (`{ props: { password: ... } }`), and the query log masks these keys at any depth.
 * Undefined when the model has none, so most queries carry nothing extra.
 */
export function sensitiveDbNames(
  properties: ReadonlyMap<string, PropertyDefinition>,
): readonly string[] | undefined {
  if (cache.has(properties)) return cache.get(properties);
  const names = [...properties.values()].filter((p) => p.sensitive).map((p) => p.dbName);
  const result = names.length > 0 ? Object.freeze(names) : undefined;
  cache.set(properties, result);
  return result;
}
