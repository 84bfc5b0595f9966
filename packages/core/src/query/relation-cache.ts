/**
 * Storage for eager-loaded relations (`fetchRelations`). The query builder writes the loaded targets
 * here and `RelationshipManager#cached` reads them back.
 *
 * The cache lives in a non-enumerable symbol-keyed property of the instance rather than in a
 * WeakMap: a fetch hydrates tens of thousands of instances, and one WeakMap entry per instance
 * (an ephemeron the garbage collector must trace) measured as the largest single cost of eager
 * loading. A non-enumerable symbol is invisible to `Object.keys`, `JSON.stringify`, spreading and
 * dirty tracking, and is collected with the instance like a WeakMap entry would be.
 */
const CACHE: unique symbol = Symbol('cartograph.relationCache');

type Cached = Record<string, unknown[]>;

function cacheOf(instance: object, create: boolean): Cached | undefined {
  const holder = instance as { [CACHE]?: Cached };
  let cache = holder[CACHE];
  if (cache === undefined && create) {
    cache = Object.create(null) as Cached;
    Object.defineProperty(instance, CACHE, {
      value: cache,
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }
  return cache;
}

/** Records the targets loaded for `field` on `instance` (replacing any previous value). */
export function setCachedRelation(instance: object, field: string, value: unknown[]): void {
  (cacheOf(instance, true) as Cached)[field] = value;
}

/** The targets eager-loaded for `field` on `instance`, or `undefined` when that relation was not fetched. */
export function getCachedRelation(instance: object, field: string): unknown[] | undefined {
  return cacheOf(instance, false)?.[field];
}

/** Forgets the eager-loaded targets of `field` (e.g. after connect/disconnect made them stale). */
export function clearCachedRelation(instance: object, field: string): void {
  const cache = cacheOf(instance, false);
  if (cache) delete cache[field];
}
