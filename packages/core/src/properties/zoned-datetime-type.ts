import { DateTime, isDateTime } from 'neo4j-driver';
import { assertValid, deflateError, inflateError } from './conversion-errors';
import { describeValue, quote } from './describe-value';
import type { NumberOrInteger } from './neo4j-number';
import type { ConversionContext, PropertyType } from './property-type';
import { instantOf, sameInstant } from './zoned-instant';

/** A neo4j-driver DateTime: a wall-clock time with its offset and/or zone id, exact to the nanosecond. */
export type ZonedDateTime = DateTime<NumberOrInteger>;

const EXAMPLE = '2025-06-14T09:30:00+02:00[Europe/Paris]';

/**
 * Parses an ISO-8601 date-time that names an offset or a zone id. The driver reads a bare hour
 * offset such as `-05` as UTC, so it is widened to `-05:00` first.
 */
export function parseZonedDateTime(text: string): ZonedDateTime | undefined {
  try {
    return DateTime.fromString(text.replace(/([+-]\d{2})(\[[^\]]*\])?$/, '$1:00$2'));
  } catch {
    return undefined;
  }
}

function validateZoned(value: unknown): string[] {
  if (typeof value === 'string') {
    return parseZonedDateTime(value)
      ? []
      : [`${quote(value)} is not an ISO-8601 date-time with an offset or zone id, e.g. ${EXAMPLE}`];
  }
  if (value instanceof Date) {
    return ['expected a neo4j DateTime, got a JS Date; use @DateTimeProperty for JS Dates'];
  }
  if (!isDateTime(value)) return [`expected a neo4j DateTime with a time zone, got ${describeValue(value)}`];
  const hasOffset = value.timeZoneOffsetSeconds !== undefined && value.timeZoneOffsetSeconds !== null;
  if (!hasOffset && !value.timeZoneId) return ['is a DateTime without an offset or zone id'];
  return [];
}

/** The zoned date-time type, whose deflate also takes ISO strings. */
export interface ZonedDateTimePropertyType extends PropertyType<ZonedDateTime> {
  deflate(value: ZonedDateTime | string, context: ConversionContext): ZonedDateTime;
}

/**
 * A Neo4j ZONED DATETIME kept as a driver DateTime, so its zone id or offset and its nanoseconds
 * survive the round trip. Deflate also takes an ISO string such as `2025-06-14T09:30:00[Europe/Paris]`.
 */
export function zonedDateTimeType(): ZonedDateTimePropertyType {
  return {
    name: 'zoned-datetime',
    cypherType: 'ZONED DATETIME',
    tsType: 'DateTime',
    validate: validateZoned,
    deflate(value: ZonedDateTime | string, context) {
      assertValid(validateZoned(value), context);
      if (typeof value !== 'string') return value;
      const parsed = parseZonedDateTime(value);
      if (!parsed) throw deflateError(context, `${quote(value)} cannot be parsed`);
      return parsed;
    },
    inflate(value, context) {
      if (!isDateTime(value)) {
        throw inflateError(context, `expected a ZONED DATETIME, got ${describeValue(value)}`);
      }
      return value;
    },
    equals(a, b) {
      if ((a.timeZoneId ?? undefined) !== (b.timeZoneId ?? undefined)) return false;
      // With no zone id the offset is all the zone there is, so it must match too.
      if (!a.timeZoneId && String(a.timeZoneOffsetSeconds) !== String(b.timeZoneOffsetSeconds)) return false;
      return sameInstant(instantOf(a), instantOf(b));
    },
  };
}
