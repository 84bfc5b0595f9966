import { isInt } from 'neo4j-driver';
import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import type { PropertyType } from './property-type';

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
    deflate(value, context) {
      assertValid(validateFloat(value), context);
      return value;
    },
    inflate(value, context) {
      if (typeof value === 'number') return value;
      // Data written by other clients may hold INTEGERs here; a float is allowed to round them.
      if (isInt(value)) return value.toNumber();
      if (typeof value === 'bigint') return Number(value);
      throw inflateError(context, `expected a FLOAT, got ${describeValue(value)}`);
    },
  };
}
