import { isInt } from 'neo4j-driver';
import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import type { PropertyType } from './property-type';

/** The similarity functions of Neo4j vector indexes. */
export type VectorSimilarity = 'cosine' | 'euclidean';

/** What a vector property holds: an array of numbers (or a Float32Array / Float64Array on write). */
export type Vector = readonly number[];

/**
 * Why `value` is not a vector of `dimensions` finite numbers; empty when it is. Shared by the
 * property type (on write) and by searches (the query vector), so both refuse the same values.
 */
export function vectorProblems(value: unknown, dimensions: number): string[] {
  if (!Array.isArray(value) && !isFloatArray(value))
    return [`expected an array of ${dimensions} numbers, got ${describeValue(value)}`];
  const items = value as ArrayLike<unknown>;
  if (items.length !== dimensions)
    return [`expected ${dimensions} dimensions, got a vector of length ${items.length}`];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'number') return [`component ${i} is ${describeValue(item)}, not a number`];
    if (!Number.isFinite(item)) return [`component ${i} is ${item}, not a finite number`];
  }
  return [];
}

function isFloatArray(value: unknown): value is Float32Array | Float64Array {
  return value instanceof Float32Array || value instanceof Float64Array;
}

/**
 * A fixed-length list of finite floats, stored as a Neo4j `LIST<FLOAT>`: the form Neo4j 5 vector
 * indexes read on Community and Enterprise alike (the newer VECTOR value needs the block store
 * format and Cypher 25). Length and finiteness are checked on write, so a vector the index would
 * silently skip (wrong dimension) or that Neo4j would refuse (NaN) never reaches the database.
 */
export function vectorType(dimensions: number): PropertyType<Vector> {
  if (!Number.isSafeInteger(dimensions) || dimensions < 1 || dimensions > 4096) {
    throw new TypeError(
      `vectorType(${String(dimensions)}): dimensions must be a whole number from 1 to 4096.`,
    );
  }
  const validate = (value: unknown) => vectorProblems(value, dimensions);
  return {
    name: `vector<${dimensions}>`,
    cypherType: 'LIST<FLOAT NOT NULL>',
    tsType: 'number[]',
    validate,
    inflateValidates: true,
    deflate(value, context) {
      assertValid(validate(value), context);
      // Plain numbers: the driver sends each as a FLOAT.
      return Array.from(value);
    },
    inflate(value, context) {
      if (!Array.isArray(value))
        throw inflateError(context, `expected a LIST<FLOAT>, got ${describeValue(value)}`);
      // Data written by other clients may hold INTEGER components (LIST<INTEGER> is indexable too).
      const numbers = value.map((item: unknown) =>
        isInt(item) ? item.toNumber() : typeof item === 'bigint' ? Number(item) : (item as number),
      );
      const problems = validate(numbers);
      if (problems.length > 0) throw inflateError(context, `stored vector: ${problems.join('; ')}`);
      return numbers;
    },
    equals(a, b) {
      return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
    },
  };
}
