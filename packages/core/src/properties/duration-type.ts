import { Duration, isDuration } from 'neo4j-driver';
import { assertValid, deflateError, inflateError } from './conversion-errors';
import { describeValue, quote } from './describe-value';
import { type NumberOrInteger, toJsNumber } from './neo4j-number';
import type { ConversionContext, PropertyType } from './property-type';

/** A neo4j-driver Duration: months, days, seconds and nanoseconds, kept apart as Neo4j keeps them. */
export type Neo4jDuration = Duration<NumberOrInteger>;

const COMPONENTS = ['months', 'days', 'seconds', 'nanoseconds'] as const;

function parseDuration(text: string): Neo4jDuration | undefined {
  try {
    return Duration.fromString(text);
  } catch {
    return undefined;
  }
}

function validateDuration(value: unknown): string[] {
  if (typeof value === 'string') {
    return parseDuration(value)
      ? []
      : [`${quote(value)} is not an ISO-8601 duration such as P1Y2M3DT4H5M6.5S`];
  }
  if (!isDuration(value)) {
    return [`expected a neo4j Duration or an ISO-8601 duration string, got ${describeValue(value)}`];
  }
  // The driver would truncate fractional components without a word.
  return COMPONENTS.filter((name) => !Number.isInteger(toJsNumber(value[name]))).map(
    (name) => `${name} must be a whole number, got ${String(value[name])}`,
  );
}

/** The duration type, whose deflate also takes ISO-8601 strings. */
export interface DurationPropertyType extends PropertyType<Neo4jDuration> {
  deflate(value: Neo4jDuration | string, context: ConversionContext): Neo4jDuration;
}

/** A Neo4j DURATION. Deflate also takes an ISO-8601 string; inflate returns a driver Duration. */
export function durationType(): DurationPropertyType {
  return {
    name: 'duration',
    cypherType: 'DURATION',
    tsType: 'Duration',
    validate: validateDuration,
    deflate(value: Neo4jDuration | string, context) {
      assertValid(validateDuration(value), context);
      if (typeof value !== 'string') return value;
      const parsed = parseDuration(value);
      if (!parsed) throw deflateError(context, `${quote(value)} cannot be parsed`);
      return parsed;
    },
    inflate(value, context) {
      if (!isDuration(value)) throw inflateError(context, `expected a DURATION, got ${describeValue(value)}`);
      return value;
    },
    equals(a, b) {
      return COMPONENTS.every((name) => toJsNumber(a[name]) === toJsNumber(b[name]));
    },
  };
}
