import type { DateTime } from 'neo4j-driver';
import { type NumberOrInteger, toJsNumber } from './neo4j-number';

/** A point on the UTC time line, exact to the nanosecond (nanosecond is 0..999_999_999). */
export interface Instant {
  readonly epochSecond: number;
  readonly nanosecond: number;
}

/**
 * The instant a neo4j DateTime stands for. A DateTime built from a zone id alone (no offset) has
 * its offset worked out the way the driver does when it sends one, so both agree on the instant.
 */
export function instantOf(value: DateTime<NumberOrInteger>): Instant {
  const local = wallClockEpochSecond(
    toJsNumber(value.year),
    toJsNumber(value.month),
    toJsNumber(value.day),
    toJsNumber(value.hour),
    toJsNumber(value.minute),
    toJsNumber(value.second),
  );
  const offset =
    value.timeZoneOffsetSeconds !== undefined && value.timeZoneOffsetSeconds !== null
      ? toJsNumber(value.timeZoneOffsetSeconds)
      : zoneOffsetAt(value.timeZoneId ?? 'UTC', local);
  return { epochSecond: local - offset, nanosecond: toJsNumber(value.nanosecond) };
}

export function sameInstant(a: Instant, b: Instant): boolean {
  return a.epochSecond === b.epochSecond && a.nanosecond === b.nanosecond;
}

/** Seconds since the epoch of a wall-clock reading taken as if it were UTC (NaN beyond JS Date range). */
function wallClockEpochSecond(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
) {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime() / 1000;
}

/** Offset of `zoneId` for a local wall-clock time: a first guess at the UTC instant, then the offset there. */
function zoneOffsetAt(zoneId: string, localEpochSecond: number): number {
  const firstGuess = wallClockInZone(zoneId, localEpochSecond) - localEpochSecond;
  const utcGuess = localEpochSecond - firstGuess;
  return wallClockInZone(zoneId, utcGuess) - utcGuess;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockInZone(zoneId: string, epochSecond: number): number {
  let formatter = formatters.get(zoneId);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zoneId,
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(zoneId, formatter);
  }
  const parts = new Map(formatter.formatToParts(epochSecond * 1000).map((part) => [part.type, part.value]));
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.get(type));
  const year = parts.get('era') === 'BC' ? 1 - field('year') : field('year');
  return wallClockEpochSecond(
    year,
    field('month'),
    field('day'),
    field('hour') % 24,
    field('minute'),
    field('second'),
  );
}
