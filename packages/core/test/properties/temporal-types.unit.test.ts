import neo4j, {
  DateTime,
  Duration,
  isDate,
  isDateTime,
  LocalDateTime,
  Date as Neo4jDate,
} from 'neo4j-driver';
import { dateType } from '../../src/properties/date-type';
import { dateTimeType } from '../../src/properties/datetime-type';
import { durationType } from '../../src/properties/duration-type';
import { zonedDateTimeType } from '../../src/properties/zoned-datetime-type';

const context = { model: 'Flight', field: 'departure' };

describe('dateType', () => {
  const type = dateType();

  it('deflates the UTC calendar day of a JS Date to a neo4j Date', () => {
    const deflated = type.deflate(new Date('1815-12-10'), context);
    expect(isDate(deflated)).toBe(true);
    expect(String(deflated)).toBe('1815-12-10');
    expect(String(type.deflate(new Date('1990-04-23T23:30:00Z'), context))).toBe('1990-04-23');
  });

  it('inflates to UTC midnight, keeping years below 100 as they are', () => {
    expect(
      type.inflate(new Neo4jDate(neo4j.int(1990), neo4j.int(4), neo4j.int(23)), context).toISOString(),
    ).toBe('1990-04-23T00:00:00.000Z');
    expect(type.inflate(new Neo4jDate(50, 3, 15), context).getUTCFullYear()).toBe(50);
  });

  it('rejects invalid Dates and non-dates', () => {
    expect(type.validate(new Date('not a date'))).toEqual(['is an invalid Date']);
    expect(type.validate('1990-04-23')).toEqual(['expected a Date, got string "1990-04-23"']);
    expect(() => type.inflate('1990-04-23', context)).toThrow(
      'Flight.departure: expected a DATE, got string',
    );
  });

  it('treats two times on the same UTC day as equal', () => {
    expect(type.equals?.(new Date('1990-04-23T01:00:00Z'), new Date('1990-04-23T22:00:00Z'))).toBe(true);
    expect(type.equals?.(new Date('1990-04-23'), new Date('1990-04-24'))).toBe(false);
  });
});

describe('dateTimeType', () => {
  const type = dateTimeType();
  const departure = new Date('2025-06-14T07:30:00.123Z');

  it('deflates to a UTC DateTime exact to the millisecond', () => {
    const deflated = type.deflate(departure, context);
    expect(isDateTime(deflated)).toBe(true);
    expect(String(deflated)).toBe('2025-06-14T07:30:00.123000000Z');
  });

  it('inflates a DateTime with any offset or zone id to the same instant', () => {
    expect(type.inflate(DateTime.fromString('2025-06-14T09:30:00.123+02:00'), context)).toEqual(departure);
    expect(type.inflate(DateTime.fromString('2025-06-14T09:30:00.123[Europe/Paris]'), context)).toEqual(
      departure,
    );
    expect(
      type.inflate(DateTime.fromString('2025-01-14T09:30:00[Europe/Paris]'), context).toISOString(),
    ).toBe('2025-01-14T08:30:00.000Z');
    expect(type.inflate(DateTime.fromString('2025-06-14T07:30:00.123999999Z'), context)).toEqual(departure);
  });

  it('refuses LOCAL DATETIME on read, because it is not an instant', () => {
    expect(() => type.inflate(LocalDateTime.fromString('2025-06-14T09:30:00'), context)).toThrow(
      /^Flight\.departure: expected a ZONED DATETIME, got an instance of LocalDateTime; a LOCAL DATETIME has no time zone/,
    );
  });

  it('compares by instant', () => {
    expect(type.equals?.(departure, new Date(departure.getTime()))).toBe(true);
    expect(type.equals?.(departure, new Date(departure.getTime() + 1))).toBe(false);
    expect(() => type.deflate(new Date(Number.NaN), context)).toThrow('Flight.departure: is an invalid Date');
  });
});

describe('zonedDateTimeType', () => {
  const type = zonedDateTimeType();
  const paris = DateTime.fromString('2025-06-14T09:30:00.123456789[Europe/Paris]');

  it('keeps a DateTime as it is', () => {
    expect(type.validate(paris)).toEqual([]);
    expect(type.deflate(paris, context)).toBe(paris);
    expect(type.inflate(paris, context)).toBe(paris);
  });

  it('parses ISO strings with an offset or a zone id, including a bare hour offset', () => {
    const zoned = type.deflate('2025-06-14T09:30:00[Europe/Paris]', context);
    expect(zoned.timeZoneId).toBe('Europe/Paris');
    const offset = type.deflate('2025-06-14T09:30:00-05', context);
    expect(String(offset.timeZoneOffsetSeconds)).toBe('-18000');
  });

  it('rejects strings without a zone, JS Dates and other values', () => {
    expect(type.validate('2025-06-14T09:30:00')[0]).toMatch(
      /^"2025-06-14T09:30:00" is not an ISO-8601 date-time with an offset/,
    );
    expect(type.validate(new Date())).toEqual([
      'expected a neo4j DateTime, got a JS Date; use @DateTimeProperty for JS Dates',
    ]);
    expect(type.validate(LocalDateTime.fromString('2025-06-14T09:30:00'))).toEqual([
      'expected a neo4j DateTime with a time zone, got an instance of LocalDateTime',
    ]);
    expect(() => type.deflate('tomorrow', context)).toThrow(/^Flight\.departure: "tomorrow"/);
    expect(() => type.inflate('2025-06-14', context)).toThrow('Flight.departure: expected a ZONED DATETIME');
  });

  it('is equal only for the same instant in the same zone', () => {
    const withOffset = new DateTime(2025, 6, 14, 9, 30, 0, 123456789, 7200, 'Europe/Paris');
    expect(type.equals?.(paris, withOffset)).toBe(true);
    expect(type.equals?.(paris, DateTime.fromString('2025-06-14T09:30:00.123456789+02:00'))).toBe(false);
    expect(type.equals?.(paris, DateTime.fromString('2025-06-14T08:30:00.123456789[Europe/London]'))).toBe(
      false,
    );
    expect(type.equals?.(paris, DateTime.fromString('2025-06-14T09:30:00.123456788[Europe/Paris]'))).toBe(
      false,
    );
    const utc = DateTime.fromString('2025-06-14T07:30:00Z');
    expect(type.equals?.(utc, DateTime.fromString('2025-06-14T09:30:00+02:00'))).toBe(false);
  });
});

describe('durationType', () => {
  const type = durationType();

  it('deflates an ISO-8601 string to a Duration', () => {
    const deflated = type.deflate('P1Y2M3DT4H5M6.5S', context);
    expect([deflated.months, deflated.days, deflated.seconds, deflated.nanoseconds].map(String)).toEqual([
      '14',
      '3',
      '14706',
      '500000000',
    ]);
  });

  it('keeps a Duration as it is on both sides', () => {
    const layover = new Duration(0, 0, 5400, 0);
    expect(type.deflate(layover, context)).toBe(layover);
    expect(type.inflate(layover, context)).toBe(layover);
    expect(() => type.inflate('PT1H', context)).toThrow(
      'Flight.departure: expected a DURATION, got string "PT1H"',
    );
  });

  it('rejects text that is not ISO-8601 and fractional components', () => {
    expect(type.validate('90 minutes')).toEqual([
      '"90 minutes" is not an ISO-8601 duration such as P1Y2M3DT4H5M6.5S',
    ]);
    expect(type.validate(new Duration(1.5, 0, 0, 0))).toEqual(['months must be a whole number, got 1.5']);
    expect(type.validate(5400)).toEqual([
      'expected a neo4j Duration or an ISO-8601 duration string, got number 5400',
    ]);
  });

  it('compares component by component, as Neo4j does', () => {
    const parsed = Duration.fromString('PT90M');
    expect(type.equals?.(parsed, new Duration(0, 0, 5400, 0))).toBe(true);
    expect(type.equals?.(Duration.fromString('P1D'), Duration.fromString('PT24H'))).toBe(false);
  });
});
