import neo4j, { DateTime, isInt } from 'neo4j-driver';
import { arrayOf } from '../../src/properties/array-type';
import { dateTimeType } from '../../src/properties/datetime-type';
import { integerType } from '../../src/properties/integer-type';
import { stringType } from '../../src/properties/string-type';

const context = { model: 'Flight', field: 'stops' };

describe('arrayOf', () => {
  const codes = arrayOf(stringType({ maxLength: 3 }));

  it('describes a list of non-null items', () => {
    expect(codes.name).toBe('list<string>');
    expect(codes.cypherType).toBe('LIST<STRING NOT NULL>');
    expect(codes.tsType).toBe('string[]');
    expect(arrayOf(integerType()).cypherType).toBe('LIST<INTEGER NOT NULL>');
  });

  it('validates every item and rejects nulls, which Neo4j lists cannot hold', () => {
    expect(codes.validate(['CDG', 'JFK'])).toEqual([]);
    expect(codes.validate(['CDG', null, 'LAX', 7, 'LHRX'])).toEqual([
      'item 1 is null; Neo4j lists cannot hold nulls',
      'item 3: expected a string, got number 7',
      'item 4: is 4 characters long; the maximum is 3',
    ]);
    expect(codes.validate('CDG')).toEqual(['expected an array, got string "CDG"']);
  });

  it('deflates each item with the base type', () => {
    const deflated = arrayOf(integerType()).deflate([1, 2], context) as unknown[];
    expect(deflated.every((item) => isInt(item))).toBe(true);
    expect(() => codes.deflate(['CDG', undefined as unknown as string], context)).toThrow(
      'Flight.stops: item 1 is undefined; Neo4j lists cannot hold nulls',
    );
  });

  it('inflates each item with the base type, naming the item on failure', () => {
    expect(arrayOf(integerType()).inflate([neo4j.int(3), neo4j.int(4)], context)).toEqual([3, 4]);
    expect(() => codes.inflate(['CDG', 4], context)).toThrow(
      'Flight.stops[1]: expected a STRING, got number 4',
    );
    expect(() => codes.inflate('CDG', context)).toThrow('Flight.stops: expected a LIST, got string "CDG"');
  });

  it('compares items with the base type equality', () => {
    const times = arrayOf(dateTimeType());
    const inflated = times.inflate([DateTime.fromString('2025-06-14T09:30:00+02:00')], context);
    expect(times.equals?.(inflated, [new Date('2025-06-14T07:30:00Z')])).toBe(true);
    expect(times.equals?.(inflated, [])).toBe(false);
    expect(codes.equals?.(['CDG'], ['CDG'])).toBe(true);
  });

  it('refuses lists of lists, which Neo4j cannot store', () => {
    expect(() => arrayOf(arrayOf(stringType()))).toThrow(
      'arrayOf(list<string>): Neo4j cannot store a list of lists',
    );
  });
});
