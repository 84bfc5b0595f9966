import neo4j, { isInt } from 'neo4j-driver';
import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import type { PropertyType } from './property-type';

const TOO_BIG =
  'is outside the range a JS number holds exactly (±(2^53 - 1)); use @BigIntProperty for 64-bit integers';

function validateInteger(value: unknown): string[] {
  if (typeof value !== 'number') return [`expected an integer number, got ${describeValue(value)}`];
  if (!Number.isInteger(value)) {
    return [`${value} is not an integer; use @FloatProperty for fractional numbers`];
  }
  if (!Number.isSafeInteger(value)) return [`${value} ${TOO_BIG}`];
  return [];
}

/**
 * A Neo4j INTEGER held as a JS number. Deflate sends a driver Integer because the driver sends every
 * JS number as a FLOAT, which would store 42 as 42.0.
 */
export function integerType(): PropertyType<number> {
  return {
    name: 'integer',
    cypherType: 'INTEGER',
    tsType: 'number',
    validate: validateInteger,
    inflateValidates: true,
    deflate(value, context) {
      assertValid(validateInteger(value), context);
      return neo4j.int(value);
    },
    inflate(value, context) {
      if (isInt(value)) {
        if (!value.inSafeRange()) throw inflateError(context, `stored value ${value.toString()} ${TOO_BIG}`);
        return value.toNumber();
      }
      if (typeof value === 'bigint') {
        if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
          throw inflateError(context, `stored value ${value} ${TOO_BIG}`);
        }
        return Number(value);
      }
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      throw inflateError(context, `expected an INTEGER, got ${describeValue(value)}`);
    },
  };
}
