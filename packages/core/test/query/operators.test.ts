import { InvalidFilterError, UnknownOperatorError, UnknownPropertyError } from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';
import { names, Person, type Social, seedSocialGraph } from './social-graph';

const { graph } = useTestGraph();
let social: Social;

beforeAll(async () => {
  await clearGraph(graph());
  social = await seedSocialGraph();
});

const people = async (set: { all(): Promise<Person[]> }) => names(await set.all());

describe('equality and null', () => {
  it('plain values mean equality (eq)', async () => {
    expect(await people(Person.nodes.filter({ name: 'Alice' }))).toEqual(['Alice']);
    expect(await people(Person.nodes.filter({ name: { eq: 'Bob' } }))).toEqual(['Bob']);
  });

  it('ne keeps other values and, as in Cypher, drops nodes without the property', async () => {
    expect(await people(Person.nodes.filter({ age: { ne: 30 } }))).toEqual(['Bob', 'Carol', 'Dave', 'Frank']);
  });

  it('in / notIn', async () => {
    expect(await people(Person.nodes.filter({ age: { in: [25, 35] } }))).toEqual(['Bob', 'Carol']);
    expect(await people(Person.nodes.filter({ age: { notIn: [25, 35] } }))).toEqual([
      'Alice',
      'Dave',
      'Frank',
    ]);
    expect(await people(Person.nodes.filter({ age: { in: [] } }))).toEqual([]);
  });

  it('isNull and null', async () => {
    expect(await people(Person.nodes.filter({ email: { isNull: true } }))).toEqual(['Eve']);
    expect(await people(Person.nodes.filter({ email: null }))).toEqual(['Eve']);
    expect(await people(Person.nodes.filter({ age: { isNull: false } }))).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Dave',
      'Frank',
    ]);
  });

  it('exact / iExact', async () => {
    expect(await people(Person.nodes.filter({ name: { exact: 'Bob' } }))).toEqual(['Bob']);
    expect(await people(Person.nodes.filter({ name: { iExact: 'bOB' } }))).toEqual(['Bob']);
  });

  it('booleans, string choices, JSON values and aliases', async () => {
    expect(await people(Person.nodes.filter({ active: true }))).toEqual(['Alice', 'Carol', 'Dave']);
    expect(await people(Person.nodes.filter({ plan: 'pro' }))).toEqual(['Alice', 'Carol']);
    expect(await people(Person.nodes.filter({ settings: { eq: { theme: 'dark' } } }))).toEqual(['Alice']);
    expect(await people(Person.nodes.filter({ displayName: 'Carol' }))).toEqual(['Carol']);
  });

  it('elementId', async () => {
    expect(await people(Person.nodes.filter({ elementId: social.alice.elementId! }))).toEqual(['Alice']);
    const ids = [social.bob.elementId!, social.eve.elementId!];
    expect(await people(Person.nodes.filter({ elementId: { in: ids } }))).toEqual(['Bob', 'Eve']);
  });
});

describe('ordering operators', () => {
  it('lt / lte / gt / gte on integers', async () => {
    expect(await people(Person.nodes.filter({ age: { lt: 25 } }))).toEqual(['Dave']);
    expect(await people(Person.nodes.filter({ age: { lte: 25 } }))).toEqual(['Bob', 'Dave']);
    expect(await people(Person.nodes.filter({ age: { gt: 35 } }))).toEqual(['Frank']);
    expect(await people(Person.nodes.filter({ age: { gte: 35 } }))).toEqual(['Carol', 'Frank']);
    expect(await people(Person.nodes.filter({ age: { gte: 18, lt: 65 } }))).toEqual([
      'Alice',
      'Bob',
      'Carol',
    ]);
  });

  it('floats and datetimes', async () => {
    expect(await people(Person.nodes.filter({ score: { gte: 3 } }))).toEqual(['Alice', 'Bob']);
    expect(await people(Person.nodes.filter({ born: { lt: new Date('1995-01-01T00:00:00Z') } }))).toEqual([
      'Alice',
    ]);
    expect(await people(Person.nodes.filter({ born: new Date('1999-01-01T00:00:00Z') }))).toEqual(['Bob']);
  });

  it('strings compare too', async () => {
    expect(await people(Person.nodes.filter({ name: { gte: 'E' } }))).toEqual(['Eve', 'Frank']);
  });
});

describe('string operators', () => {
  it('contains / iContains', async () => {
    expect(await people(Person.nodes.filter({ email: { contains: 'example' } }))).toEqual([
      'Alice',
      'Bob',
      'Frank',
    ]);
    expect(await people(Person.nodes.filter({ email: { iContains: 'EXAMPLE' } }))).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Frank',
    ]);
  });

  it('startsWith / iStartsWith', async () => {
    expect(await people(Person.nodes.filter({ name: { startsWith: 'A' } }))).toEqual(['Alice']);
    expect(await people(Person.nodes.filter({ name: { startsWith: 'a' } }))).toEqual([]);
    expect(await people(Person.nodes.filter({ name: { iStartsWith: 'a' } }))).toEqual(['Alice']);
  });

  it('endsWith / iEndsWith', async () => {
    expect(await people(Person.nodes.filter({ email: { endsWith: '.org' } }))).toEqual(['Carol']);
    expect(await people(Person.nodes.filter({ email: { endsWith: '@EXAMPLE.ORG' } }))).toEqual([]);
    expect(await people(Person.nodes.filter({ email: { iEndsWith: '@EXAMPLE.ORG' } }))).toEqual(['Carol']);
  });

  it('regex matches the whole value', async () => {
    expect(await people(Person.nodes.filter({ name: { regex: '[A-C].*' } }))).toEqual([
      'Alice',
      'Bob',
      'Carol',
    ]);
    expect(await people(Person.nodes.filter({ name: { regex: '(?i).*E' } }))).toEqual([
      'Alice',
      'Dave',
      'Eve',
    ]);
  });
});

describe('list operators', () => {
  it('includes one item', async () => {
    expect(await people(Person.nodes.filter({ tags: { includes: 'dev' } }))).toEqual([
      'Alice',
      'Bob',
      'Carol',
    ]);
  });

  it('includesAny / includesAll', async () => {
    expect(await people(Person.nodes.filter({ tags: { includesAny: ['admin', 'ops'] } }))).toEqual([
      'Alice',
      'Carol',
      'Frank',
    ]);
    expect(await people(Person.nodes.filter({ tags: { includesAll: ['dev', 'ops'] } }))).toEqual(['Carol']);
    // Every list includes all of nothing; nodes without the list are not matched.
    expect(await people(Person.nodes.filter({ tags: { includesAll: [] } }))).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Dave',
      'Frank',
    ]);
  });

  it('list equality', async () => {
    expect(await people(Person.nodes.filter({ tags: ['dev'] }))).toEqual(['Bob']);
    expect(await people(Person.nodes.filter({ tags: { ne: ['dev'] } }))).toEqual([
      'Alice',
      'Carol',
      'Dave',
      'Frank',
    ]);
  });
});

describe('mistakes are reported where the filter is written', () => {
  it('an unknown property lists the known ones', () => {
    const attempt = () => Person.nodes.filter({ nickname: 'Al' } as never);
    expect(attempt).toThrow(UnknownPropertyError);
    expect(attempt).toThrow(/Person has no filterable field "nickname"\. Known: name, email, age/);
  });

  it('an unknown operator, or one that does not fit the type, lists the valid ones', () => {
    expect(() => Person.nodes.filter({ age: { between: [1, 2] } } as never)).toThrow(UnknownOperatorError);
    const wrongType = () => Person.nodes.filter({ age: { startsWith: '1' } } as never);
    expect(wrongType).toThrow(
      /"startsWith" is not an operator for Person\.age\. Use one of: eq, ne, in, notIn, isNull, lt/,
    );
    expect(() => Person.nodes.filter({ tags: { gt: 'a' } } as never)).toThrow(UnknownOperatorError);
  });

  it('values of the wrong type are refused before anything runs', () => {
    expect(() => Person.nodes.filter({ age: 'thirty' } as never)).toThrow(InvalidFilterError);
    expect(() => Person.nodes.filter({ age: { in: 30 } } as never)).toThrow(/expects an array/);
    expect(() => Person.nodes.filter({ name: { contains: 3 } } as never)).toThrow(/expects a string/);
    expect(() => Person.nodes.filter({ age: undefined })).toThrow(/undefined/);
  });

  it('errors carry stable codes', () => {
    try {
      Person.nodes.filter({ nope: 1 } as never);
    } catch (error) {
      expect((error as UnknownPropertyError).code).toBe('UNKNOWN_PROPERTY');
    }
  });
});
