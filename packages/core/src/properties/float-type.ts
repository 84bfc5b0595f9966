import { isInt } from 'neo4j-driver';
import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import type { PropertyType } from './property-type';

const ROUNDED =
  'is beyond ±(2^53 - 1) and would be rounded as a JS number; store it as a FLOAT or declare @BigIntProperty';

function validateFloat(value: unknown): string[] {
  if (typeof value !== 'number') return [`expected a number, got ${describeValue(value)}`];
  if (!Number.isFinite(value)) return [`${value} is not a finite number`];
  return [];
}

/** A Neo4j FLOAT held as a JS number. */
export function floatType(): PropertyType<number> {
  return {
    name: 'float',
    cypherType: 'FLOAT',
    tsType: 'number',
    validate: validateFloat,
    inflateValidates: true,
    deflate(value, context) {
      assertValid(validateFloat(value), context);
      return value;
    },
    inflate(value, context) {
      if (typeof value === 'number') {
        if (!Number.isFinite(value))
          throw inflateError(context, `stored FLOAT ${value} is not a finite number`);
        return value;
      }
      // Data written by other clients may hold INTEGERs here: read exactly, or refused when a JS
      // number cannot hold them (above 2^53 they would be silently rounded).
      if (isInt(value)) {
        if (!value.inSafeRange())
          throw inflateError(context, `stored INTEGER ${value.toString()} ${ROUNDED}`);
        return value.toNumber();
      }
      if (typeof value === 'bigint') {
        if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
          throw inflateError(context, `stored INTEGER ${value} ${ROUNDED}`);
        return Number(value);
      }
      throw inflateError(context, `expected a FLOAT, got ${describeValue(value)}`);
    },
  };
}
