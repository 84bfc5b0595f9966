import { ForbiddenPropertyNameError, ValidationError } from '../errors';
import { UnknownPropertyError } from '../errors/filter-errors';
import { describeValue } from '../properties/describe-value';
import type { PropertyDefinition } from '../registry/definitions';

/**
 * What a write does with a key the model does not declare: `'reject'` (the default) throws
 * {@link UnknownPropertyError}, so a typo or a field from another API version is never silently lost;
 * `'allow'` keeps it on the instance as a plain, unsaved field (e.g. a transient field that
 * class-validator checks).
 */
export type UnknownPropertiesPolicy = 'reject' | 'allow';

/** Options every write entry point that takes user objects accepts. */
export interface WriteOptions {
  /** Overrides the model's `@Node({ unknownProperties })` for this call; default `'reject'`. */
  unknownProperties?: UnknownPropertiesPolicy;
}

/** Keys that would reach an object's prototype or class when assigned; never accepted from input. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a key can never be a property name or a filter key. */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN.has(key);
}

/** The part of a model that decides which input keys a write accepts. */
export interface WritableModel {
  readonly name: string;
  readonly properties: ReadonlyMap<string, PropertyDefinition>;
  readonly aliases?: ReadonlyMap<string, string>;
  readonly unknownProperties?: UnknownPropertiesPolicy;
}

/**
 * Copies user input onto a fresh instance by own enumerable keys only. `Object.assign` would run
 * the `__proto__` setter for a `JSON.parse`d row and swap the instance's prototype, hiding every
 * class-validator rule; forbidden keys are refused and unknown keys are refused unless allowed.
 * @throws ForbiddenPropertyNameError, UnknownPropertyError, ValidationError (input not an object)
 */
export function assignInput(
  model: WritableModel,
  instance: object,
  input: unknown,
  options: WriteOptions = {},
): void {
  if (input === undefined || input === null) return;
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new ValidationError(model.name, [
      { field: '(input)', message: `must be an object, got ${describeValue(input)}`, constraint: 'type' },
    ]);
  }
  const policy = options.unknownProperties ?? model.unknownProperties ?? 'reject';
  const target = instance as Record<string, unknown>;
  const source = input as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (FORBIDDEN.has(key)) throw new ForbiddenPropertyNameError(model.name, key);
    const value = source[key];
    if (model.properties.has(key) || model.aliases?.has(key)) {
      target[key] = value;
      continue;
    }
    if (policy === 'reject') {
      throw new UnknownPropertyError(
        model.name,
        key,
        [...model.properties.keys(), ...(model.aliases?.keys() ?? [])],
        'property',
        " Remove the key, or pass { unknownProperties: 'allow' } (or set it on @Node) to keep it as an unsaved field.",
      );
    }
    // Allowed unknown keys become plain own fields; accessors (relationship fields, elementId) are
    // never invoked from input.
    if (!hasAccessor(instance, key)) {
      Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    }
  }
}

function hasAccessor(instance: object, key: string): boolean {
  for (let p = Object.getPrototypeOf(instance); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, key);
    if (descriptor) return descriptor.get !== undefined || descriptor.set !== undefined;
  }
  return false;
}
