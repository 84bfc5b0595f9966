import { recordId } from '../registry/record-ids';
import { Bound } from './bound';
import type { NodeSetState } from './state';

/**
 * Fields of the state that the compiler never reads, left out of the key on purpose:
 * - `call`: the deadline, signal and graph of the terminal call (a graph holds a driver);
 * - `lenient`: the problem handler of a lenient read (a closure, often a new one per call);
 * - `pluginOptions`: read by the plugins' transform step (`plugins/transform.ts`), which runs before
 *   the key is made and turns them into conditions on the plan, which the key does see.
 */
const NOT_COMPILED = new Set(['call', 'lenient', 'pluginOptions']);

// Markers of the walk's structure: objects of their own, so that no value of a plan equals one.
const OBJECT = Object.freeze({ mark: 'object' });
const ARRAY = Object.freeze({ mark: 'array' });
const END = Object.freeze({ mark: 'end' });
const BOUND = Object.freeze({ mark: 'bound' });
const SAME_BOUND = Object.freeze({ mark: 'same bound' });

/**
 * The compile cache's key: one walk over the whole plan that takes down everything it meets, except
 * the values of {@link Bound}s, which it appends to `bounds` in the order it meets them (they become
 * the parameters `v0`, `v1`, ... of `param-slots.ts`). Two plans get equal keys only when they differ
 * in nothing but the values of their Bounds, so a field added to the plan is part of the key without
 * anyone listing it.
 *
 * The key is the sequence of parts the walk meets, compared part by part (`===`), with a hash of them
 * to find candidates. What the walk takes down:
 * - a plain object as a marker, then each field's name and value (fields that are undefined are
 *   skipped: the compiler cannot tell them from absent ones), then an end marker; an array likewise;
 * - strings, numbers, booleans, bigints, null as themselves;
 * - registry records (definitions, property types; see `registry/record-ids.ts`) as themselves,
 *   compared by identity, as are functions and instances of classes other than Bound: the plan holds
 *   none that the compiler turns into text, and a walk could not take them down;
 * - a Bound as a marker, or, when the same Bound was met before (a plugin's condition shared by
 *   several hops), as a marker and the index of its parameter, which the text then uses twice.
 *
 * Written for speed, as it runs on every query: no string is built (hashing a long key built by
 * concatenation measured slower than all the rest of a cached compile), and nothing is allocated but
 * the copy of the parts that a new cache entry keeps.
 */
export class PlanKey {
  /**
   * Reused from call to call; only the first `#count` parts are this key's (no length resets; the
   * stale parts past it keep at most one earlier plan's strings and records alive).
   */
  readonly #parts: unknown[] = [];
  #count = 0;
  #hash = 0;
  #bounds: Bound[] = [];

  /** Takes down `kind` (the projection), the plan and `extra` (what the projection adds to it). */
  write(kind: string, state: NodeSetState, extra: unknown, bounds: Bound[]): void {
    this.#start(kind, bounds);
    this.#part(OBJECT, 1);
    for (const name in state) {
      const value = (state as unknown as Record<string, unknown>)[name];
      if (value === undefined || NOT_COMPILED.has(name)) continue;
      this.#name(name);
      this.#value(value);
    }
    this.#part(END, 3);
    this.#value(extra);
  }

  /** Takes down `kind` and plan parts outside a query plan (the conditions of a keyed write). */
  writeValue(kind: string, value: unknown, bounds: Bound[]): void {
    this.#start(kind, bounds);
    this.#value(value);
  }

  /** A hash of the parts (equal keys have equal hashes). */
  get hash(): number {
    return this.#hash;
  }

  /** Whether the parts taken down equal `stored` (a {@link copy} of an earlier key). */
  matches(stored: readonly unknown[]): boolean {
    const parts = this.#parts;
    const count = this.#count;
    if (stored.length !== count) return false;
    for (let i = 0; i < count; i++) if (stored[i] !== parts[i]) return false;
    return true;
  }

  /** The parts, to keep with a cached text. */
  copy(): readonly unknown[] {
    return this.#parts.slice(0, this.#count);
  }

  #start(kind: string, bounds: Bound[]): void {
    this.#count = 0;
    this.#hash = 0;
    this.#bounds = bounds;
    this.#value(kind);
  }

  #part(part: unknown, hash: number): void {
    this.#parts[this.#count++] = part;
    this.#hash = (Math.imul(this.#hash, 31) + hash) | 0;
  }

  /** A field name is taken down but not hashed: names follow from the structure around them. */
  #name(name: string): void {
    this.#parts[this.#count++] = name;
  }

  #value(value: unknown): void {
    switch (typeof value) {
      case 'string':
        // Length and first character: cheap, and enough to spread the keys apart.
        this.#part(value, (value.length << 8) ^ value.charCodeAt(0));
        break;
      case 'number':
        this.#part(value, value | 0);
        break;
      case 'boolean':
        this.#part(value, value ? 5 : 7);
        break;
      case 'object':
        if (value === null) this.#part(value, 11);
        else this.#object(value);
        break;
      default:
        // undefined, bigint, symbol, function: compared as themselves.
        this.#part(value, 13);
    }
  }

  #object(object: object): void {
    const prototype = Object.getPrototypeOf(object);
    if (prototype === Object.prototype || prototype === null) {
      const id = recordId(object);
      if (id === undefined) this.#fields(object as Record<string, unknown>);
      else this.#part(object, id);
    } else if (prototype === Array.prototype) {
      const items = object as readonly unknown[];
      this.#part(ARRAY, 2);
      for (let i = 0; i < items.length; i++) this.#value(items[i]);
      this.#part(END, 3);
    } else if (prototype === Bound.prototype) {
      this.#bound(object as Bound);
    } else {
      this.#part(object, 17);
    }
  }

  #fields(object: Record<string, unknown>): void {
    this.#part(OBJECT, 1);
    // for-in measured faster than Object.keys here; a plain object inherits no enumerable field.
    for (const name in object) {
      const value = object[name];
      if (value === undefined) continue;
      this.#name(name);
      this.#value(value);
    }
    this.#part(END, 3);
  }

  #bound(bound: Bound): void {
    // A linear search, quadratic in the number of values: a plan holds few (an IN list is one Bound).
    const seen = this.#bounds.indexOf(bound);
    if (seen < 0) {
      this.#bounds.push(bound);
      this.#part(BOUND, 19);
    } else {
      this.#part(SAME_BOUND, 23);
      this.#part(seen, seen);
    }
  }
}
