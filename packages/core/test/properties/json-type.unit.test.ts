import { jsonType } from '../../src/properties/json-type';

const context = { model: 'Booking', field: 'preferences' };

describe('jsonType', () => {
  const type = jsonType();
  const preferences = { seat: 'window', meal: 'vegetarian', bags: [23, 8], loyalty: null, priority: true };

  it('stores JSON text in a STRING and parses it back', () => {
    expect(type.cypherType).toBe('STRING');
    const text = type.deflate(preferences, context);
    expect(text).toBe(JSON.stringify(preferences));
    expect(type.inflate(text, context)).toEqual(preferences);
    expect(type.inflate(type.deflate('plain text', context), context)).toBe('plain text');
  });

  it('rejects what JSON cannot represent, saying where', () => {
    expect(type.validate({ bags: [23, 8n] })).toEqual([
      'value at $.bags[1] is a bigint, which JSON cannot represent; store it as a string',
    ]);
    expect(type.validate({ onBoard: () => 'tea' })).toEqual([
      'value at $.onBoard is a function, which JSON cannot represent',
    ]);
    expect(type.validate(Number.NaN)).toEqual(['value is NaN, which JSON would store as null']);
    expect(type.validate({ seats: new Set(['12A']) })).toEqual([
      'value at $.seats is a Set, which JSON would store as {}; convert it to an object or array',
    ]);
    expect(type.validate([1, undefined])).toEqual([
      'value at $[1] is undefined, which JSON cannot represent',
    ]);
  });

  it('rejects cycles, but not the same object reached twice', () => {
    const booking: Record<string, unknown> = { ref: 'X7K2' };
    booking.self = booking;
    expect(type.validate(booking)).toEqual([
      'value at $.self refers back to an enclosing object; JSON cannot represent cycles',
    ]);
    const seat = { row: 12, letter: 'A' };
    expect(type.validate({ outbound: seat, inbound: seat })).toEqual([]);
    expect(() => type.deflate(booking, context)).toThrow(
      /^Booking\.preferences: value at \$\.self refers back/,
    );
  });

  it('accepts values with toJSON, such as Dates, and skips undefined members as JSON does', () => {
    expect(type.validate({ bookedAt: new Date('2025-06-01T10:00:00Z'), note: undefined })).toEqual([]);
  });

  it('refuses stored text that is not JSON', () => {
    expect(() => type.inflate('{seat: window}', context)).toThrow(
      /^Booking\.preferences: stored text is not valid JSON/,
    );
    expect(() => type.inflate(42, context)).toThrow(
      'Booking.preferences: expected a STRING of JSON, got number 42',
    );
  });

  it('compares values regardless of key order', () => {
    expect(type.equals?.({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(type.equals?.({ a: 1 }, { a: 2 })).toBe(false);
    expect(type.equals?.([1, 2], [2, 1])).toBe(false);
  });
});
