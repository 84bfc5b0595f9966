import type { FieldError } from '../errors';
import { applyDefaults, deflateEntity } from '../mapping/deflate-entity';
import { stateOf } from '../mapping/entity-state';
import { removeShadowingFields } from '../mapping/hydrate';
import { sameStoredValue } from '../mapping/stored-value-key';
import { validateEntity } from '../mapping/validate-entity';
import { createProperties } from '../query/plugins/hooks';
import type { NodeDefinition } from '../registry/definitions';
import { runHook } from './lifecycle-hooks';

/** What saving one instance writes, decided before anything is written. */
export interface SavePlan<T extends object = object> {
  readonly entity: T;
  /** Not saved yet: it is created. */
  readonly creating: boolean;
  /** Every stored value after the save (written whole on creation). */
  readonly stored: Record<string, unknown>;
  /** For a saved instance: the stored values that differ from its snapshot (null removes one). */
  readonly changes: Record<string, unknown>;
}

/**
 * The part of `save()` before the write, shared by `save()` and `saveMany()`: defaults (on
 * creation), the `preSave` hook, validation and deflation. Returns the problems instead of the plan
 * when validation fails, so a batch can report every instance at once.
 */
export async function planSave<T extends object>(
  definition: NodeDefinition,
  entity: T,
): Promise<{ plan: SavePlan<T> } | { errors: readonly FieldError[] }> {
  removeShadowingFields(entity);
  const state = stateOf(entity);
  const creating = state.elementId === undefined;
  // Defaults first, so preSave sees a complete instance (e.g. a counter that starts at 0).
  if (creating) applyDefaults(definition.properties, entity);
  await runHook(entity, 'preSave');
  const errors = validateEntity(definition.target, definition.properties, entity);
  if (errors.length > 0) return { errors };
  const deflated = deflateEntity(definition.name, definition.properties, entity);
  const stored = creating ? createProperties(definition, deflated) : deflated;
  const changes = creating ? stored : changedValues(definition, state.snapshot, stored);
  return { plan: { entity, creating, stored, changes } };
}

/** After the write: the new snapshot (and element id), then `postCreate` (creation) and `postSave`. */
export async function finishSave(plan: SavePlan, elementId?: string): Promise<void> {
  const state = stateOf(plan.entity);
  if (elementId !== undefined) state.elementId = elementId;
  state.snapshot = plan.stored;
  if (plan.creating) await runHook(plan.entity, 'postCreate');
  await runHook(plan.entity, 'postSave');
}

/**
 * Declared properties whose stored value differs from the snapshot; a property that was cleared maps
 * to null, which removes it. Properties the model does not declare are never touched.
 */
function changedValues(
  definition: NodeDefinition,
  snapshot: Record<string, unknown>,
  stored: Record<string, unknown>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const { dbName } of definition.properties.values()) {
    const before = snapshot[dbName] ?? null;
    const after = stored[dbName] ?? null;
    if (!sameStoredValue(before, after)) changes[dbName] = after;
  }
  return changes;
}
