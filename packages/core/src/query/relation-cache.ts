/**
 * Storage for eager-loaded relations (`fetchRelations`). The query builder writes the loaded targets
 * here and `RelationshipManager#cached` reads them back. A WeakMap keeps the cache off the instance's
 * own properties (so it never leaks into dirty tracking or serialisation) and lets it be collected
 * together with the instance.
 */
const cache = new WeakMap<object, Map<string, unknown[]>>();

/** Records the targets loaded for `field` on `instance` (replacing any previous value). */
export function setCachedRelation(instance: object, field: string, value: unknown[]): void {
  let fields = cache.get(instance);
  if (!fields) {
    fields = new Map();
    cache.set(instance, fields);
  }
  fields.set(field, value);
}

/** The targets eager-loaded for `field` on `instance`, or `undefined` when that relation was not fetched. */
export function getCachedRelation(instance: object, field: string): unknown[] | undefined {
  return cache.get(instance)?.get(field);
}

/** Forgets the eager-loaded targets of `field` (e.g. after connect/disconnect made them stale). */
export function clearCachedRelation(instance: object, field: string): void {
  cache.get(instance)?.delete(field);
}
