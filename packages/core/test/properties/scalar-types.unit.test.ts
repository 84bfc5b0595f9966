import neo4j, { isInt } from 'neo4j-driver';
import { PropertyConversionError } from '../../src/errors';
import { bigIntType } from '../../src/properties/bigint-type';
import { booleanType } from '../../src/properties/boolean-type';
import { floatType } from '../../src/properties/float-type';
import { integerType } from '../../src/properties/integer-type';
import { stringType } from '../../src/properties/string-type';

const context = { model: 'Passenger', field: 'seats' };

function conversionError(run: () => unknown): PropertyConversionError {
  try {
    run();
  } catch (error) {
    if (error instanceof PropertyConversionError) return error;
    throw error;
  }
  throw new Error('expected a PropertyConversionError');
}

describe('stringType', () => {
  const type = stringType({ maxLength: 5 });

  it('accepts strings up to maxLength code points, so emoji count once', () => {
    expect(type.validate('Ada')).toEqual([]);
    expect(type.validate('✈️✈️')).toEqual([]);
    expect(type.validate('🛫🛫🛫🛫🛫')).toEqual([]);
  });

  it('rejects non-strings and values longer than maxLength', () => {
    expect(type.validate(42)).toEqual(['expected a string, got number 42']);
    expect(type.validate('Lovelace')).toEqual(['is 8 characters long; the maximum is 5']);
  });

  it('throws conversion errors naming model and field', () => {
    const deflate = conversionError(() => type.deflate('Lovelace', context));
    expect(deflate.message).toBe('Passenger.seats: is 8 characters long; the maximum is 5');
    expect(deflate.code).toBe('DEFLATE_FAILED');
    const inflate = conversionError(() => type.inflate(neo4j.int(3), context));
    expect(inflate.message).toBe('Passenger.seats: expected a STRING, got an instance of Integer');
    expect(inflate.code).toBe('INFLATE_FAILED');
  });

  it('refuses a nonsensical maxLength when the type is built', () => {
    expect(() => stringType({ maxLength: -1 })).toThrow(TypeError);
  });
});

describe('integerType', () => {
  const type = integerType();

  it('deflates to a driver Integer, because the driver sends JS numbers as FLOAT', () => {
    const deflated = type.deflate(180, context);
    expect(isInt(deflated)).toBe(true);
    expect(String(deflated)).toBe('180');
    expect(String(type.deflate(Number.MAX_SAFE_INTEGER, context))).toBe('9007199254740991');
  });

  it('rejects fractions, unsafe integers and non-numbers with a pointer to the right decorator', () => {
    expect(type.validate(1.5)).toEqual(['1.5 is not an integer; use @FloatProperty for fractional numbers']);
    expect(type.validate(2 ** 53)[0]).toMatch(/^9007199254740992 is outside .* use @BigIntProperty/);
    expect(type.validate(Number.NaN)).toEqual([
      'NaN is not an integer; use @FloatProperty for fractional numbers',
    ]);
    expect(type.validate('12')).toEqual(['expected an integer number, got string "12"']);
  });

  it('refuses to deflate past 2^53', () => {
    expect(conversionError(() => type.deflate(2 ** 53 + 2, context)).message).toMatch(
      /^Passenger\.seats: 9007199254740994 is outside .* use @BigIntProperty/,
    );
  });

  it('inflates driver Integers, numbers and bigints', () => {
    expect(type.inflate(neo4j.int(-42), context)).toBe(-42);
    expect(type.inflate(7, context)).toBe(7);
    expect(type.inflate(7n, context)).toBe(7);
  });

  it('refuses to inflate values a JS number cannot hold exactly', () => {
    expect(conversionError(() => type.inflate(neo4j.int('9007199254740993'), context)).message).toMatch(
      /^Passenger\.seats: stored value 9007199254740993 is outside .* use @BigIntProperty/,
    );
    expect(() => type.inflate(2n ** 60n, context)).toThrow(/use @BigIntProperty/);
    expect(() => type.inflate(2.5, context)).toThrow('Passenger.seats: expected an INTEGER, got number 2.5');
  });
});

describe('bigIntType', () => {
  const type = bigIntType();
  const max = 2n ** 63n - 1n;
  const min = -(2n ** 63n);

  it('deflates the full signed 64-bit range exactly', () => {
    expect(String(type.deflate(max, context))).toBe('9223372036854775807');
    expect(String(type.deflate(min, context))).toBe('-9223372036854775808');
  });

  it('rejects values outside int64, which the driver would wrap around silently', () => {
    expect(type.validate(max + 1n)).toEqual([
      '9223372036854775808n is outside the 64-bit range Neo4j stores (-2^63 to 2^63 - 1)',
    ]);
    expect(type.validate(min - 1n)).toHaveLength(1);
    expect(() => type.deflate(max + 1n, context)).toThrow(
      /^Passenger\.seats: 9223372036854775808n is outside/,
    );
  });

  it('tells users holding a number how to write a bigint', () => {
    expect(type.validate(12)).toEqual(['expected a bigint, got number 12; write 12n or BigInt(12)']);
  });

  it('inflates Integers, bigints and safe numbers to bigint', () => {
    expect(type.inflate(neo4j.int('9223372036854775807'), context)).toBe(max);
    expect(type.inflate(12n, context)).toBe(12n);
    expect(type.inflate(12, context)).toBe(12n);
    expect(() => type.inflate('12', context)).toThrow(
      'Passenger.seats: expected an INTEGER, got string "12"',
    );
  });
});

describe('floatType', () => {
  const type = floatType();

  it('accepts finite numbers only', () => {
    expect(type.validate(36.6)).toEqual([]);
    expect(type.validate(Number.POSITIVE_INFINITY)).toEqual(['Infinity is not a finite number']);
    expect(type.validate(Number.NaN)).toEqual(['NaN is not a finite number']);
    expect(type.validate(neo4j.int(1))).toEqual(['expected a number, got an instance of Integer']);
  });

  it('deflates to a JS number, which the driver sends as FLOAT', () => {
    expect(type.deflate(9.81, context)).toBe(9.81);
  });

  it('inflates FLOATs and INTEGERs written by other clients', () => {
    expect(type.inflate(9.81, context)).toBe(9.81);
    expect(type.inflate(neo4j.int(3), context)).toBe(3);
    expect(type.inflate(3n, context)).toBe(3);
    expect(() => type.inflate('3', context)).toThrow('Passenger.seats: expected a FLOAT, got string "3"');
  });
});

describe('booleanType', () => {
  const type = booleanType();

  it('takes true and false only', () => {
    expect(type.validate(false)).toEqual([]);
    expect(type.validate('true')).toEqual(['expected true or false, got string "true"']);
    expect(type.deflate(true, context)).toBe(true);
    expect(type.inflate(false, context)).toBe(false);
    expect(() => type.inflate(1, context)).toThrow('Passenger.seats: expected a BOOLEAN, got number 1');
  });
});
