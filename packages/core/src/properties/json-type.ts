import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import type { PropertyType } from './property-type';

/** Nesting a JSON value may have by default: deep enough for real documents, far below the stack limit. */
export const DEFAULT_JSON_MAX_DEPTH = 100;
/** Above this, `JSON.stringify` itself may exhaust the stack, so no option may allow it. */
const HARD_MAX_DEPTH = 1000;

/** Options of `jsonType` / `@JsonProperty`. */
export interface JsonTypeOptions {
  /**
   * Deepest nesting of arrays and objects accepted (a scalar is depth 0, `[1]` depth 1); default
   * {@link DEFAULT_JSON_MAX_DEPTH}, at most 1000. Deeper values are refused on write (ValidationError)
   * and on read (HydrationError), instead of overflowing the stack with a RangeError.
   */
  readonly maxDepth?: number;
}

function tooDeep(path: string, maxDepth: number): string {
  return `value at ${path} nests deeper than ${maxDepth} levels; flatten it or raise the property's maxDepth`;
}

/** Why JSON would lose or refuse `value`, or undefined when it round-trips. */
function jsonProblem(
  value: unknown,
  path: string,
  ancestors: readonly object[],
  maxDepth: number,
): string | undefined {
  const at = path === '$' ? 'value' : `value at ${path}`;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${at} is ${value}, which JSON would store as null`;
    case 'bigint':
      return `${at} is a bigint, which JSON cannot represent; store it as a string`;
    case 'function':
    case 'symbol':
    case 'undefined':
      return `${at} is ${describeValue(value)}, which JSON cannot represent`;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (ancestors.includes(value)) {
    return `${at} refers back to an enclosing object; JSON cannot represent cycles`;
  }
  if (value instanceof Map || value instanceof Set) {
    return `${at} is a ${value.constructor.name}, which JSON would store as {}; convert it to an object or array`;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return jsonProblem((value as { toJSON(): unknown }).toJSON(), path, [...ancestors, value], maxDepth);
  }
  // Checked before descending, so the walk (and JSON.stringify after it) stays within the stack.
  if (ancestors.length >= maxDepth) return tooDeep(path, maxDepth);
  const inside = [...ancestors, value];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = jsonProblem(item, `${path}[${index}]`, inside, maxDepth);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    // JSON drops undefined members, and reading the key back yields undefined anyway.
    if (item === undefined) continue;
    const problem = jsonProblem(item, `${path}.${key}`, inside, maxDepth);
    if (problem) return problem;
  }
  return undefined;
}

/** JSON text with object keys sorted, so that key order alone never makes two values differ. */
function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** Nesting depth of parsed JSON, without recursion (stored text may nest arbitrarily deep). */
function depthExceeds(value: unknown, maxDepth: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const item of level) {
      if (item === null || typeof item !== 'object') continue;
      if (depth >= maxDepth) return true;
      next.push(...(Array.isArray(item) ? item : Object.values(item)));
    }
    level = next;
  }
  return false;
}

/** Any JSON-serialisable value, stored as a Neo4j STRING of JSON text. */
export function jsonType<T = unknown>(options: JsonTypeOptions = {}): PropertyType<T> {
  const maxDepth = options.maxDepth ?? DEFAULT_JSON_MAX_DEPTH;
  if (!Number.isSafeInteger(maxDepth) || maxDepth < 1 || maxDepth > HARD_MAX_DEPTH) {
    throw new TypeError(
      `maxDepth must be a whole number from 1 to ${HARD_MAX_DEPTH}, got ${String(maxDepth)}.`,
    );
  }
  const validateJson = (value: unknown): string[] => {
    const problem = jsonProblem(value, '$', [], maxDepth);
    return problem ? [problem] : [];
  };
  return {
    name: 'json',
    cypherType: 'STRING',
    tsType: 'unknown',
    validate: validateJson,
    // Parsed JSON is always representable; inflate itself checks the depth.
    inflateValidates: true,
    deflate(value, context) {
      assertValid(validateJson(value), context);
      return JSON.stringify(value);
    },
    inflate(value, context) {
      if (typeof value !== 'string') {
        throw inflateError(context, `expected a STRING of JSON, got ${describeValue(value)}`);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch (error) {
        throw inflateError(context, `stored text is not valid JSON (${(error as Error).message})`);
      }
      if (depthExceeds(parsed, maxDepth)) throw inflateError(context, tooDeep('$', maxDepth));
      return parsed as T;
    },
    equals(a, b) {
      if (validateJson(a).length > 0 || validateJson(b).length > 0) return Object.is(a, b);
      return canonicalJson(a) === canonicalJson(b);
    },
  };
}
