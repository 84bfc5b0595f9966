import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import type { PropertyType } from './property-type';

/** Options of `stringType` / `@StringProperty`, checked on write. */
export interface StringTypeOptions {
  /** Longest allowed value, counted in Unicode code points (an emoji counts once). */
  readonly maxLength?: number;
}

/** A Neo4j STRING. */
export function stringType(options: StringTypeOptions = {}): PropertyType<string> {
  const { maxLength } = options;
  if (maxLength !== undefined && !(Number.isSafeInteger(maxLength) && maxLength >= 0)) {
    throw new TypeError(`maxLength must be a non-negative integer, got ${describeValue(maxLength)}.`);
  }
  const validate = (value: unknown): string[] => {
    if (typeof value !== 'string') return [`expected a string, got ${describeValue(value)}`];
    // value.length counts UTF-16 units, never fewer than code points, so it rules most values in cheaply.
    if (maxLength !== undefined && value.length > maxLength) {
      const length = [...value].length;
      if (length > maxLength) return [`is ${length} characters long; the maximum is ${maxLength}`];
    }
    return [];
  };
  // Without a length limit any STRING is valid, so reads need no check beyond inflate's.
  return maxLength === undefined
    ? { ...validatedString('string', validate), inflateValidates: true }
    : validatedString('string', validate);
}

/**
 * A type stored as a Neo4j STRING whose values `validate` checks: deflating refuses what it
 * rejects, and inflating takes any stored STRING. The string-shaped types (email, regex, uuid)
 * differ only in their checks.
 */
export function validatedString(name: string, validate: (value: unknown) => string[]): PropertyType<string> {
  return {
    name,
    cypherType: 'STRING',
    tsType: 'string',
    validate,
    deflate(value, context) {
      assertValid(validate(value), context);
      return value;
    },
    inflate(value, context) {
      if (typeof value !== 'string') {
        throw inflateError(context, `expected a STRING, got ${describeValue(value)}`);
      }
      return value;
    },
  };
}
