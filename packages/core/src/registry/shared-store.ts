/**
 * Process-wide state of Cartograph, kept on `globalThis` under `Symbol.for('cartograph.<name>')`
 * (as MikroORM and Drizzle do), so that two copies of `@cartograph/core` loaded in one process (a
 * CLI and a project, a package linked twice) share one model registry and one record of entity
 * state instead of each seeing half the models. The first copy to load creates each entry; later
 * copies use it. Copies of different versions share it too, so keep them on one version.
 */
export function sharedStore<T>(name: string, create: () => T): T {
  const key = Symbol.for(`cartograph.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  let value = store[key];
  if (value === undefined) {
    value = create();
    store[key] = value;
  }
  return value;
}
