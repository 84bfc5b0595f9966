import { InvalidKeyError, ValidationError } from '../errors';
import type { WriteOptions } from '../mapping/write-input';
import { describeValue } from '../properties/describe-value';
import { prepareRelationshipProperties } from '../relationship-model/relationship-entity';
import type { BulkField } from './bulk-ends';
import { type KeyProperty, KeyReader } from './bulk-keys';

/** One pair of node keys, as `relateMany` / `unrelateMany` take them. */
export interface KeyPair<F = unknown, T = unknown, P = unknown> {
  readonly from: F;
  readonly to: T;
  /** Properties of the new relationship (`relateMany` only), validated by the relationship model. */
  readonly properties?: P;
}

/** A pair after validation: stored key values and stored relationship properties. */
export interface PreparedPair {
  /** Position in the caller's input, used in error messages. */
  readonly position: number;
  readonly from: unknown;
  readonly to: unknown;
  readonly props: Record<string, unknown>;
}

/** Every pair validated (keys and properties) before anything is written. */
export interface PreparedPairs {
  readonly pairs: readonly PreparedPair[];
  /** Undefined only when there are no pairs. */
  readonly fromKey: KeyProperty | undefined;
  readonly toKey: KeyProperty | undefined;
}

/** The properties of a pair that has none: one frozen object shared by every such pair. */
const NO_PROPERTIES: Record<string, unknown> = Object.freeze({});

/**
 * Reads and validates every pair: keys through the models' unique properties, relationship
 * properties through the relationship model (defaults applied). Errors name the pair's position.
 * @throws InvalidKeyError, ForbiddenPropertyNameError, UnknownPropertyError, ValidationError
 */
export function preparePairs(
  field: BulkField,
  input: Iterable<KeyPair>,
  withProperties: boolean,
  options: WriteOptions,
): PreparedPairs {
  const fromReader = new KeyReader(field.owner, 'from');
  const toReader = new KeyReader(field.target, 'to');
  const model = field.definition.model;
  const pairs: PreparedPair[] = [];
  let position = 0;
  for (const pair of input) {
    if (pair === null || typeof pair !== 'object') {
      throw new InvalidKeyError(
        field.owner.name,
        `pair ${position} must be { from, to, properties? }, got ${describeValue(pair)}.`,
      );
    }
    const from = fromReader.read(pair.from, position);
    const to = toReader.read(pair.to, position);
    const props =
      withProperties && (model || pair.properties !== undefined)
        ? relationshipProps(field, pair.properties, options, position)
        : NO_PROPERTIES;
    pairs.push({ position, from, to, props });
    position += 1;
  }
  return { pairs, fromKey: fromReader.key, toKey: toReader.key };
}

/** The stored properties of one new relationship; a ValidationError names the pair. */
export function relationshipProps(
  field: BulkField,
  properties: unknown,
  options: WriteOptions,
  position: number | undefined,
): Record<string, unknown> {
  try {
    return prepareRelationshipProperties(field.definition.model, properties as object | undefined, options);
  } catch (error) {
    if (!(error instanceof ValidationError) || position === undefined) throw error;
    throw new ValidationError(
      error.model,
      error.errors.map((e) => ({ ...e, field: `[${position}].properties.${e.field}` })),
    );
  }
}

/** Distinct stored key values in first-seen order, so each node is looked up and locked once. */
export class KeyList {
  readonly values: unknown[] = [];
  readonly #index = new Map<unknown, number>();
  readonly #keys = new SameKey();

  /** The position of `value` in {@link values}. */
  add(value: unknown): number {
    const key = this.#keys.of(value);
    let at = this.#index.get(key);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.#index.set(key, at);
    }
    return at;
  }
}

/** Distinct `(from, to)` pairs of key values, told apart as {@link KeyList} tells keys apart. */
export class PairSet {
  readonly #pairs = new Map<unknown, Set<unknown>>();
  readonly #keys = new SameKey();

  /** Adds the pair; false when it was added before. */
  add(from: unknown, to: unknown): boolean {
    const a = this.#keys.of(from);
    const b = this.#keys.of(to);
    let tos = this.#pairs.get(a);
    if (!tos) {
      tos = new Set();
      this.#pairs.set(a, tos);
    }
    if (tos.has(b)) return false;
    tos.add(b);
    return true;
  }
}

/**
 * One value per distinct stored key, usable as a Map key: a string or number is itself (a Map
 * already tells `1` from `'1'`); a driver integer or temporal value is the first one seen with the
 * same type and String() (exact for those), so equal values given as two objects are one key.
 */
class SameKey {
  readonly #objects = new Map<string, unknown>();

  of(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const id = `${value.constructor?.name}:${String(value)}`;
    const first = this.#objects.get(id);
    if (first !== undefined) return first;
    this.#objects.set(id, value);
    return value;
  }
}
