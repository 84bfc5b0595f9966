import { DateTime, isDateTime, isLocalDateTime } from 'neo4j-driver';
import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import { MAX_JS_DATE_MS, validateJsDate } from './js-date';
import type { PropertyType } from './property-type';
import { instantOf } from './zoned-instant';

/**
 * A Neo4j ZONED DATETIME held as a JS Date: an instant, stored in UTC, exact to the millisecond.
 * Values written elsewhere with another offset or a zone id read back as the same instant.
 */
export function dateTimeType(): PropertyType<Date> {
  return {
    name: 'datetime',
    cypherType: 'ZONED DATETIME',
    tsType: 'Date',
    validate: validateJsDate,
    inflateValidates: true,
    deflate(value, context) {
      assertValid(validateJsDate(value), context);
      return new DateTime(
        value.getUTCFullYear(),
        value.getUTCMonth() + 1,
        value.getUTCDate(),
        value.getUTCHours(),
        value.getUTCMinutes(),
        value.getUTCSeconds(),
        value.getUTCMilliseconds() * 1_000_000,
        0,
      );
    },
    inflate(value, context) {
      if (!isDateTime(value)) {
        const hint = isLocalDateTime(value)
          ? '; a LOCAL DATETIME has no time zone, so it is not an instant'
          : '';
        throw inflateError(context, `expected a ZONED DATETIME, got ${describeValue(value)}${hint}`);
      }
      const { epochSecond, nanosecond } = instantOf(value);
      const ms = epochSecond * 1000 + Math.floor(nanosecond / 1_000_000);
      if (!(Math.abs(ms) <= MAX_JS_DATE_MS)) {
        throw inflateError(context, `${value.toString()} is outside the JS Date range`);
      }
      return new Date(ms);
    },
    equals(a, b) {
      return a.getTime() === b.getTime();
    },
  };
}
