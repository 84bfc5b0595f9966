import { validate as isUuid, version } from 'uuid';
import {
  AliasProperty,
  ArrayProperty,
  DateTimeType,
  IntegerProperty,
  PointProperty,
  StringProperty,
  StringType,
  UniqueIdProperty,
} from '../../src/decorators/property-decorators';
import type { PropertyDefinition } from '../../src/registry/definitions';
import { pendingFieldsOf } from '../../src/registry/pending-metadata';

class Airport {
  @UniqueIdProperty({ version: 7 }) uid!: string;
  @StringProperty({ maxLength: 3, index: true }) code!: string;
  @StringProperty({ dbProperty: 'display_name' }) name!: string;
  @IntegerProperty({ default: 0 }) runways!: number;
  @PointProperty({ crs: 'wgs-84', index: true }) location!: { longitude: number; latitude: number };
  @ArrayProperty(StringType) aliases!: string[];
  @ArrayProperty(DateTimeType) closures!: Date[];
  @AliasProperty('code') declare iata: string;
}

function property(name: string): PropertyDefinition {
  const found = pendingFieldsOf(Airport.prototype).properties.find((definition) => definition.name === name);
  if (!found) throw new Error(`no pending property ${name}`);
  return found;
}

describe('typed property decorators', () => {
  it('records an identity UUID that is unique, required and generated', () => {
    const uid = property('uid');
    expect(uid).toMatchObject({ isIdentity: true, unique: true, required: true, hasDefault: true });
    const generate = uid.defaultValue as () => string;
    const id = generate();
    expect(isUuid(id) && version(id)).toBe(7);
    expect(generate()).not.toBe(id);
    expect(uid.type.validate(id)).toEqual([]);
  });

  it('passes the options through and keeps type options out of them', () => {
    const code = property('code');
    expect(code).toMatchObject({ index: 'range', required: false, isIdentity: false });
    expect(code.type.validate('LHRX')).toEqual(['is 4 characters long; the maximum is 3']);
    expect(property('name').dbName).toBe('display_name');
    expect(property('runways')).toMatchObject({ defaultValue: 0, hasDefault: true });
    expect(property('runways').type.cypherType).toBe('INTEGER');
  });

  it('gives points a point index and a restricted crs', () => {
    const location = property('location');
    expect(location.index).toBe('point');
    expect(location.type.validate({ x: 1, y: 2 })).toEqual([
      'is a cartesian point; this property takes wgs-84',
    ]);
  });

  it('builds list types from the ready item types', () => {
    expect(property('aliases').type.cypherType).toBe('LIST<STRING NOT NULL>');
    expect(property('closures').type.cypherType).toBe('LIST<ZONED DATETIME NOT NULL>');
  });

  it('records an alias that reads and writes the aliased field', () => {
    expect(pendingFieldsOf(Airport.prototype).aliases.get('iata')).toBe('code');
    const airport = new Airport();
    airport.code = 'CDG';
    expect(airport.iata).toBe('CDG');
    airport.iata = 'ORY';
    expect(airport.code).toBe('ORY');
    expect(
      pendingFieldsOf(Airport.prototype).properties.some((definition) => definition.name === 'iata'),
    ).toBe(false);
  });
});
