import { connectTestDriver } from '@cartograph/testing';
import { DateTime, Duration } from 'neo4j-driver';
import { arrayOf } from '../../src/properties/array-type';
import { bigIntType } from '../../src/properties/bigint-type';
import { booleanType } from '../../src/properties/boolean-type';
import { dateType } from '../../src/properties/date-type';
import { dateTimeType } from '../../src/properties/datetime-type';
import { durationType } from '../../src/properties/duration-type';
import { emailType } from '../../src/properties/email-type';
import { floatType } from '../../src/properties/float-type';
import { integerType } from '../../src/properties/integer-type';
import { jsonType } from '../../src/properties/json-type';
import { type GeoPoint, pointType } from '../../src/properties/point-type';
import type { PropertyType } from '../../src/properties/property-type';
import { regexString } from '../../src/properties/regex-type';
import { stringType } from '../../src/properties/string-type';
import { uniqueIdType } from '../../src/properties/unique-id-type';
import { type ZonedDateTime, zonedDateTimeType } from '../../src/properties/zoned-datetime-type';

const driver = connectTestDriver();
afterAll(() => driver.close());

const context = { model: 'RoundTrip', field: 'v' };

interface Stored<T> {
  readonly value: T;
  readonly valueType: string;
  /** What Cypher reports about the stored `n.v`, for types whose parts are worth checking server-side. */
  readonly parts: unknown;
}

/** Deflates, writes with the raw driver, reads back, inflates, and checks equality with `expected`. */
async function roundTrip<T>(
  type: PropertyType<T>,
  value: T,
  expected: T = value,
  parts = '{}',
): Promise<Stored<T>> {
  const { records } = await driver.executeQuery(
    `CREATE (n:RoundTrip {v: $v}) RETURN n.v AS v, valueType(n.v) AS valueType, ${parts} AS parts`,
    { v: type.deflate(value, context) },
  );
  const record = records[0]!;
  const inflated = type.inflate(record.get('v'), context);
  expect(type.equals ? type.equals(inflated, expected) : Object.is(inflated, expected)).toBe(true);
  expect(record.get('valueType')).toBe(`${type.cypherType} NOT NULL`);
  return { value: inflated, valueType: record.get('valueType'), parts: record.get('parts') };
}

describe('every property type survives a trip through Neo4j', () => {
  it('strings, emails, patterns and UUIDs', async () => {
    await roundTrip(stringType({ maxLength: 40 }), 'Ada Lovelace 🛫');
    await roundTrip(emailType(), 'ada.lovelace@example.com');
    await roundTrip(regexString(/^[A-Z]{3}$/), 'CDG');
    const v4 = uniqueIdType();
    const v7 = uniqueIdType({ version: 7 });
    await roundTrip(v4, v4.generate());
    await roundTrip(v7, v7.generate());
  });

  it('integers as INTEGER, not FLOAT, up to the safe limit', async () => {
    const stored = await roundTrip(integerType(), 1815);
    expect(stored.valueType).toBe('INTEGER NOT NULL');
    expect(stored.value).toBe(1815);
    await roundTrip(integerType(), Number.MAX_SAFE_INTEGER);
    await roundTrip(integerType(), -42);
  });

  it('bigints across the full 64-bit range', async () => {
    expect((await roundTrip(bigIntType(), 2n ** 63n - 1n)).value).toBe(9223372036854775807n);
    expect((await roundTrip(bigIntType(), -(2n ** 63n))).value).toBe(-9223372036854775808n);
  });

  it('floats and booleans', async () => {
    expect((await roundTrip(floatType(), 49.0097)).valueType).toBe('FLOAT NOT NULL');
    expect((await roundTrip(floatType(), 3)).valueType).toBe('FLOAT NOT NULL');
    expect((await roundTrip(booleanType(), true)).valueType).toBe('BOOLEAN NOT NULL');
  });

  it('a birthday as DATE', async () => {
    const stored = await roundTrip(dateType(), new Date('1815-12-10'), undefined, 'toString(n.v)');
    expect(stored.valueType).toBe('DATE NOT NULL');
    expect(stored.parts).toBe('1815-12-10');
    expect(stored.value.toISOString()).toBe('1815-12-10T00:00:00.000Z');
  });

  it('a departure time as a UTC ZONED DATETIME exact to the millisecond', async () => {
    const departure = new Date('2025-06-14T07:30:00.123Z');
    const stored = await roundTrip(dateTimeType(), departure, undefined, 'toString(n.v)');
    expect(stored.valueType).toBe('ZONED DATETIME NOT NULL');
    expect(stored.parts).toBe('2025-06-14T07:30:00.123Z');
    expect(stored.value.getTime()).toBe(departure.getTime());
  });

  it('reads a datetime written in another zone as the same instant', async () => {
    await driver.executeQuery(
      "CREATE (:RoundTrip {landed: datetime('2025-06-14T11:45:00[America/New_York]')})",
    );
    const { records } = await driver.executeQuery(
      'MATCH (n:RoundTrip) WHERE n.landed IS NOT NULL RETURN n.landed AS v',
    );
    expect(dateTimeType().inflate(records[0]!.get('v'), context).toISOString()).toBe(
      '2025-06-14T15:45:00.000Z',
    );
  });

  it('a zoned departure keeping its zone id and nanoseconds', async () => {
    const departure = DateTime.fromString('2025-06-14T09:30:00.123456789[Europe/Paris]');
    const stored = await roundTrip<ZonedDateTime>(
      zonedDateTimeType(),
      departure,
      undefined,
      '{zone: n.v.timezone, offset: n.v.offset, ns: toString(n.v.nanosecond)}',
    );
    expect(stored.valueType).toBe('ZONED DATETIME NOT NULL');
    expect(stored.parts).toEqual({ zone: 'Europe/Paris', offset: '+02:00', ns: '123456789' });
    expect(stored.value.timeZoneId).toBe('Europe/Paris');
    expect(String(stored.value.nanosecond)).toBe('123456789');
    expect(String(stored.value.hour)).toBe('9');
  });

  it('a zoned arrival given as an ISO string with an offset', async () => {
    const type = zonedDateTimeType();
    const arrival = '2025-06-14T11:45:00-04:00';
    const stored = await roundTrip<ZonedDateTime>(
      type,
      type.deflate(arrival, context),
      undefined,
      'n.v.offset',
    );
    expect(stored.parts).toBe('-04:00');
    expect(stored.value.timeZoneId).toBeUndefined();
  });

  it('flight durations, from ISO strings and driver Durations', async () => {
    const type = durationType();
    const stored = await roundTrip(type, type.deflate('PT7H25M', context), undefined, 'toString(n.v)');
    expect(stored.valueType).toBe('DURATION NOT NULL');
    expect(stored.parts).toBe('PT7H25M');
    await roundTrip(type, Duration.fromString('P1Y2M3DT4H5M6.5S'));
    await roundTrip(type, new Duration(0, 1, 3600, 0));
  });

  it.each<[string, GeoPoint, string, number]>([
    ['airport coordinates (2D WGS-84)', { longitude: 2.5479, latitude: 49.0097 }, 'wgs-84', 4326],
    [
      'a control tower top (3D WGS-84)',
      { longitude: -73.7781, latitude: 40.6413, height: 98 },
      'wgs-84-3d',
      4979,
    ],
    ['a gate on a terminal plan (2D cartesian)', { x: 120.5, y: -33.25 }, 'cartesian', 7203],
    [
      'a seat in a cabin model (3D cartesian)',
      { crs: 'cartesian-3d', x: 12, y: 3.5, z: 1.1 },
      'cartesian-3d',
      9157,
    ],
  ])('a point: %s', async (_label, point, crs, srid) => {
    const stored = await roundTrip(pointType(), point, undefined, '{crs: n.v.crs, srid: toString(n.v.srid)}');
    expect(stored.valueType).toBe('POINT NOT NULL');
    expect(stored.value).toEqual({ crs, ...point });
    expect(stored.parts).toEqual({ crs, srid: String(srid) });
  });

  it('lists of strings, integers and datetimes', async () => {
    expect((await roundTrip(arrayOf(stringType()), ['CDG', 'JFK', 'LAX'])).valueType).toBe(
      'LIST<STRING NOT NULL> NOT NULL',
    );
    expect((await roundTrip(arrayOf(integerType()), [12, 14, 31])).valueType).toBe(
      'LIST<INTEGER NOT NULL> NOT NULL',
    );
    const closures = [new Date('2025-12-24T22:00:00Z'), new Date('2025-12-31T23:59:59.999Z')];
    expect((await roundTrip(arrayOf(dateTimeType()), closures)).value).toEqual(closures);
  });

  it('JSON as a STRING', async () => {
    const preferences = { seat: 'window', meal: 'vegetarian', bags: [23, 8], loyalty: null };
    const stored = await roundTrip(jsonType(), preferences);
    expect(stored.valueType).toBe('STRING NOT NULL');
    expect(stored.value).toEqual(preferences);
  });
});
