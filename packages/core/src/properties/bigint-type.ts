import neo4j, { isInt } from 'neo4j-driver';
import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import type { PropertyType } from './property-type';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function validateBigInt(value: unknown): string[] {
  if (typeof value === 'number' && Number.isInteger(value)) {
    return [`expected a bigint, got number ${value}; write ${value}n or BigInt(${value})`];
  }
  if (typeof value !== 'bigint') return [`expected a bigint, got ${describeValue(value)}`];
  // The driver would silently wrap these around instead of failing.
  if (value < INT64_MIN || value > INT64_MAX) {
    return [`${value}n is outside the 64-bit range Neo4j stores (-2^63 to 2^63 - 1)`];
  }
  return [];
}

/** A Neo4j INTEGER held as a JS bigint, for the full signed 64-bit range. */
export function bigIntType(): PropertyType<bigint> {
  return {
    name: 'bigint',
    cypherType: 'INTEGER',
    tsType: 'bigint',
    validate: validateBigInt,
    inflateValidates: true,
    deflate(value, context) {
      assertValid(validateBigInt(value), context);
      return neo4j.int(value);
    },
    inflate(value, context) {
      if (isInt(value)) return value.toBigInt();
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
      throw inflateError(context, `expected an INTEGER, got ${describeValue(value)}`);
    },
  };
}
