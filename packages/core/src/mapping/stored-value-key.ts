import { isInt } from 'neo4j-driver';

/**
 * A comparable key for a stored (deflated) value, so that dirty tracking can tell "changed" from
 * "same value, new object" for integers, temporals, points and lists.
 */
export function storedValueKey(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return `s:${value}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value}:${String(value)}`;
    default:
      break;
  }
  if (isInt(value)) return `number:${value.toString()}`;
  if (Array.isArray(value)) return `[${value.map(storedValueKey).join(',')}]`;
  // Temporal, spatial and duration values of the driver all print a lossless ISO-like form.
  const name = (value as object).constructor?.name ?? 'object';
  return `${name}:${String(value)}`;
}

/** True when two stored values are the same for Neo4j. */
export function sameStoredValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Integers, the commonest non-primitive, compare by their two halves (no decimal text).
  if (isInt(a) && isInt(b)) return a.equals(b);
  return storedValueKey(a) === storedValueKey(b);
}
