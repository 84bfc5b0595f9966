import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import type { PropertyType } from './property-type';

/** Why JSON would lose or refuse `value`, or undefined when it round-trips. */
function jsonProblem(value: unknown, path: string, ancestors: readonly object[]): string | undefined {
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
  const inside = [...ancestors, value];
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return jsonProblem((value as { toJSON(): unknown }).toJSON(), path, inside);
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = jsonProblem(item, `${path}[${index}]`, inside);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    // JSON drops undefined members, and reading the key back yields undefined anyway.
    if (item === undefined) continue;
    const problem = jsonProblem(item, `${path}.${key}`, inside);
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

function validateJson(value: unknown): string[] {
  const problem = jsonProblem(value, '$', []);
  return problem ? [problem] : [];
}

/** Any JSON-serialisable value, stored as a Neo4j STRING of JSON text. */
export function jsonType<T = unknown>(): PropertyType<T> {
  return {
    name: 'json',
    cypherType: 'STRING',
    tsType: 'unknown',
    validate: validateJson,
    deflate(value, context) {
      assertValid(validateJson(value), context);
      return JSON.stringify(value);
    },
    inflate(value, context) {
      if (typeof value !== 'string') {
        throw inflateError(context, `expected a STRING of JSON, got ${describeValue(value)}`);
      }
      try {
        return JSON.parse(value) as T;
      } catch (error) {
        throw inflateError(context, `stored text is not valid JSON (${(error as Error).message})`);
      }
    },
    equals(a, b) {
      if (validateJson(a).length > 0 || validateJson(b).length > 0) return Object.is(a, b);
      return canonicalJson(a) === canonicalJson(b);
    },
  };
}
