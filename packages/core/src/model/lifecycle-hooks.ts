/**
 * Methods a model may define to run around persistence. Each may be async; an error thrown in a
 * `pre*` hook stops the operation before anything is written.
 */
export interface LifecycleHooks {
  preSave?(): void | Promise<void>;
  postSave?(): void | Promise<void>;
  postCreate?(): void | Promise<void>;
  preDelete?(): void | Promise<void>;
  postDelete?(): void | Promise<void>;
}

export type HookName = keyof LifecycleHooks;

export async function runHook(entity: object, hook: HookName): Promise<void> {
  const method = (entity as LifecycleHooks)[hook];
  if (typeof method === 'function') await method.call(entity);
}
