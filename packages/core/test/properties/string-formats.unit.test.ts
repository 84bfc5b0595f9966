import { validate as isUuid, version } from 'uuid';
import { emailType } from '../../src/properties/email-type';
import { regexString } from '../../src/properties/regex-type';
import { uniqueIdType } from '../../src/properties/unique-id-type';

const context = { model: 'Person', field: 'contact' };

describe('emailType', () => {
  const type = emailType();

  it.each(['ada.lovelace@example.com', 'grace+navy@mail.example.co.uk', "o'brien@example.ie", 'x_1@a-b.io'])(
    'accepts %s',
    (email) => {
      expect(type.validate(email)).toEqual([]);
    },
  );

  it.each([
    'plainaddress',
    '@example.com',
    'ada@',
    'ada@@example.com',
    'ada..lovelace@example.com',
    '.ada@example.com',
    'ada.@example.com',
    'ada@example',
    'ada lovelace@example.com',
    'ada@-example.com',
    'ada@example.c',
    `${'a'.repeat(65)}@example.com`,
    `ada@${'a'.repeat(250)}.com`,
  ])('rejects %s', (email) => {
    expect(type.validate(email)).toHaveLength(1);
  });

  it('names model and field when deflating a bad address', () => {
    expect(() => type.deflate('ada@', context)).toThrow(
      'Person.contact: "ada@" is not a valid email address',
    );
    expect(type.validate(42)).toEqual(['expected a string, got number 42']);
  });
});

describe('regexString', () => {
  it('takes strings matching the pattern', () => {
    const iata = regexString(/^[A-Z]{3}$/);
    expect(iata.validate('CDG')).toEqual([]);
    expect(iata.validate('cdg')).toEqual(['"cdg" does not match /^[A-Z]{3}$/']);
    expect(() => iata.deflate('Paris', context)).toThrow(
      'Person.contact: "Paris" does not match /^[A-Z]{3}$/',
    );
  });

  it('gives the same answer every time for a global pattern', () => {
    const iata = regexString(/^[A-Z]{3}$/g);
    expect([iata.validate('CDG'), iata.validate('CDG'), iata.validate('CDG')]).toEqual([[], [], []]);
  });
});

describe('uniqueIdType', () => {
  it('generates and accepts version 4 UUIDs by default', () => {
    const type = uniqueIdType();
    const id = type.generate();
    expect(isUuid(id) && version(id)).toBe(4);
    expect(type.version).toBe(4);
    expect(type.validate(id)).toEqual([]);
    expect(type.deflate(id, context)).toBe(id);
  });

  it('generates time-ordered version 7 UUIDs when asked', () => {
    const type = uniqueIdType({ version: 7 });
    const first = type.generate();
    const second = type.generate();
    expect(version(first)).toBe(7);
    expect(first < second).toBe(true);
  });

  it('rejects malformed, uppercase and other-version UUIDs', () => {
    const type = uniqueIdType();
    expect(type.validate('not-a-uuid')).toEqual(['"not-a-uuid" is not a UUID']);
    expect(type.validate('9B2F4E1C-3A5D-4F6E-8B7A-1C2D3E4F5A6B')).toEqual([
      '"9B2F4E1C-3A5D-4F6E-8B7A-1C2D3E4F5A6B" must be lowercase',
    ]);
    const v7 = uniqueIdType({ version: 7 }).generate();
    expect(type.validate(v7)).toEqual([`"${v7}" is a version 7 UUID; this property holds version 4`]);
    expect(type.validate('00000000-0000-0000-0000-000000000000')[0]).toMatch(/is a version 0 UUID/);
    expect(type.validate(42)).toEqual(['expected a UUID string, got number 42']);
    expect(() => type.deflate('123', context)).toThrow('Person.contact: "123" is not a UUID');
  });
});
