import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import type { PropertyType } from './property-type';

function validateBoolean(value: unknown): string[] {
  return typeof value === 'boolean' ? [] : [`expected true or false, got ${describeValue(value)}`];
}

/** A Neo4j BOOLEAN. */
export function booleanType(): PropertyType<boolean> {
  return {
    name: 'boolean',
    cypherType: 'BOOLEAN',
    tsType: 'boolean',
    validate: validateBoolean,
    inflateValidates: true,
    deflate(value, context) {
      assertValid(validateBoolean(value), context);
      return value;
    },
    inflate(value, context) {
      if (typeof value !== 'boolean') {
        throw inflateError(context, `expected a BOOLEAN, got ${describeValue(value)}`);
      }
      return value;
    },
  };
}
