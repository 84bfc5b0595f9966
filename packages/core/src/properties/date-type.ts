import { isDate, Date as Neo4jDate } from 'neo4j-driver';
import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import { validateJsDate } from './js-date';
import { toJsNumber } from './neo4j-number';
import type { PropertyType } from './property-type';

const DAY_MS = 86_400_000;

/**
 * A Neo4j DATE (a calendar day, no time, no zone) held as a JS Date. The day is read in UTC, so
 * pass `new Date('1990-04-23')` (UTC midnight); inflate always returns UTC midnight.
 */
export function dateType(): PropertyType<Date> {
  return {
    name: 'date',
    cypherType: 'DATE',
    tsType: 'Date',
    validate: validateJsDate,
    inflateValidates: true,
    deflate(value, context) {
      assertValid(validateJsDate(value), context);
      return Neo4jDate.fromStandardDateUTC(value);
    },
    inflate(value, context) {
      if (!isDate(value)) throw inflateError(context, `expected a DATE, got ${describeValue(value)}`);
      const date = new Date(0);
      // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
      date.setUTCFullYear(toJsNumber(value.year), toJsNumber(value.month) - 1, toJsNumber(value.day));
      if (Number.isNaN(date.getTime())) {
        throw inflateError(context, `${value.toString()} is outside the JS Date range`);
      }
      return date;
    },
    equals(a, b) {
      return Math.floor(a.getTime() / DAY_MS) === Math.floor(b.getTime() / DAY_MS);
    },
  };
}
