// Writes by key look each node up once and create each pair once: KeyList and PairSet decide which
// key values are the same stored key.
import neo4j from 'neo4j-driver';
import { KeyList, PairSet } from '../../src/relationships/bulk-pairs';

describe('KeyList', () => {
  it('keeps each key once, in first-seen order, and gives its position', () => {
    const keys = new KeyList();

    const positions = ['ada@example.com', 'grace@example.com', 'ada@example.com'].map((k) => keys.add(k));

    expect(positions).toEqual([0, 1, 0]);
    expect(keys.values).toEqual(['ada@example.com', 'grace@example.com']);
  });

  it('treats two driver integers of the same value as one key', () => {
    const keys = new KeyList();

    keys.add(neo4j.int(42));
    keys.add(neo4j.int(42));

    expect(keys.values).toHaveLength(1);
  });

  it('tells the number 1, the string "1" and the driver integer 1 apart', () => {
    const keys = new KeyList();

    for (const key of [1, '1', neo4j.int(1)]) keys.add(key);

    expect(keys.values).toHaveLength(3);
  });
});

describe('PairSet', () => {
  it('adds a pair once, and (b, a) is another pair than (a, b)', () => {
    const pairs = new PairSet();

    expect(pairs.add('ada', 'grace')).toBe(true);
    expect(pairs.add('ada', 'grace')).toBe(false);
    expect(pairs.add('grace', 'ada')).toBe(true);
  });

  it('compares temporal keys by value', () => {
    const pairs = new PairSet();
    const day = () => new neo4j.types.Date(2024, 5, 1);

    expect(pairs.add(day(), 'ada')).toBe(true);
    expect(pairs.add(day(), 'ada')).toBe(false);
  });
});
