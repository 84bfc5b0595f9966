// Property test: hostile strings as filter values always travel as parameters (the Cypher text never
// changes with the value), and as would-be names they are refused with a typed error before any
// query runs. The database is checked to be intact afterwards.
import fc from 'fast-check';
import { CartographError, collect, count, type NodeSet, Q } from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';
import { Person, seedSocialGraph } from './social-graph';

const { graph, queries } = useTestGraph();

const FRAGMENTS = [
  "'",
  '"',
  '`',
  '``',
  '\\',
  '\\u0060',
  '{',
  '}',
  '$p0',
  '*/',
  '/*',
  '//',
  ';',
  '\n',
  '\u0000',
  '\ud800',
  '\udfff',
  '😀',
  'é',
  'Ω≈ç√',
  'n0',
  "'); MATCH (n) DETACH DELETE n //",
  '`) DETACH DELETE n //',
  '}) RETURN 1 //',
  'RETURN',
  '.*',
];

/** Strings built from attack fragments, arbitrary UTF-16 units (lone surrogates included) and text. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
      fc.string({ unit: 'grapheme' }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(''));

/** No lone surrogates (String#isWellFormed is newer than the ES2022 library this repo targets). */
const wellFormed = (text: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

const STRING_OPERATORS = [
  'eq',
  'ne',
  'contains',
  'iContains',
  'startsWith',
  'iStartsWith',
  'endsWith',
  'iEndsWith',
  'exact',
  'iExact',
  'regex',
  'gt',
] as const;

const KNOWN_NAMES = new Set<string>([
  ...Person.nodes.definition.properties.keys(),
  ...Person.nodes.definition.relationships.keys(),
  ...Person.nodes.definition.aliases.keys(),
  'elementId',
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'notIn',
  'contains',
  'iContains',
  'startsWith',
  'iStartsWith',
  'endsWith',
  'iEndsWith',
  'regex',
  'isNull',
  'exact',
  'iExact',
  'includes',
  'includesAny',
  'includesAll',
  '$rel',
]);

const PEOPLE = ['Alice', 'Bob', 'Carol', 'Dave', 'Eve', 'Frank'];

async function graphSize(): Promise<[number, number]> {
  const { records } = await graph().driver.executeQuery(
    'MATCH (n) WITH count(n) AS nodes CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return [records[0]!.get('nodes').toNumber(), records[0]!.get('rels').toNumber()];
}

beforeAll(async () => {
  await clearGraph(graph());
  await seedSocialGraph();
});

describe('hostile strings as values', () => {
  it('never change the Cypher text and are matched literally', async () => {
    const before = await graphSize();
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom(...STRING_OPERATORS), async (value, operator) => {
        const set = Person.nodes.filter({ name: { [operator]: value } });
        const benign = Person.nodes.filter({ name: { [operator]: 'x' } });
        const { cypher, params } = set.toCypher();
        expect(cypher).toBe(benign.toCypher().cypher);
        expect(Object.values(params)).toEqual([value]);
        let matched: string[];
        try {
          matched = (await set.all()).map((p) => p.name).sort();
        } catch (error) {
          // Only an invalid regular expression or a string the driver cannot encode may fail, and
          // then with Cartograph's error, at the server or driver, never by running injected text.
          expect(error).toBeInstanceOf(Error);
          expect(operator === 'regex' || !wellFormed(value)).toBe(true);
          return;
        }
        if (!wellFormed(value) || operator === 'regex') return;
        const expected = PEOPLE.filter((name) => literalMatch(operator, name, value)).sort();
        expect(matched).toEqual(expected);
      }),
      { numRuns: 250 },
    );
    expect(await graphSize()).toEqual(before);
  });

  it('stay parameters inside Q, exclude, relation filters, in-lists and relationship properties', async () => {
    const before = await graphSize();
    await fc.assert(
      fc.asyncProperty(hostile.filter(wellFormed), async (value) => {
        const build = (text: string) =>
          Person.nodes
            .filter(
              Q.or(
                { email: { iContains: text } },
                { friends: { name: text, $rel: { strength: { in: [1] } } } },
              ),
            )
            .exclude({ tags: { includesAny: [text] } })
            .filter({ name: { notIn: [text, `${text}'`] } });
        const { cypher, params } = build(value).toCypher();
        expect(cypher).toBe(build('x').toCypher().cypher);
        expect(params).toMatchObject({ v0: value, v1: value, v3: [value], v4: [value, `${value}'`] });
        expect(await build(value).count()).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
    expect(await graphSize()).toEqual(before);
  });
});

describe('hostile strings as names', () => {
  it('are refused with a typed error before anything runs', async () => {
    queries.clear();
    await fc.assert(
      fc.asyncProperty(
        hostile.filter((name) => !KNOWN_NAMES.has(name)),
        async (name) => {
          const attempts: Array<() => unknown> = [
            () => Person.nodes.filter({ [name]: 'x' } as never),
            () => Person.nodes.filter({ name: { [name]: 'x' } } as never),
            () => Person.nodes.filter({ friends: { [name]: 1 } } as never),
            () => Person.nodes.filter({ friends: { $rel: { [name]: 1 } } } as never),
            () => Person.nodes.has({ [name]: true } as never),
            () => Person.nodes.traverse(name as never),
            () => Person.nodes.orderBy(name as never),
            () => Person.nodes.orderBy(`-${name}` as never),
            () => Person.nodes.orderBy(`employer.${name}` as never),
            () => Person.nodes.fetchRelations(name as never),
            () => Person.nodes.annotate({ x: count(name) } as never),
            () => Person.nodes.annotate({ x: collect(`friends.${name}`) } as never),
            () => Person.nodes.values(name as never),
            () => Person.nodes.groupBy(name as never).aggregate({}),
            () => Person.nodes.update({ [name]: 1 } as never),
          ];
          for (const attempt of attempts) {
            let failure: unknown;
            try {
              await attempt();
            } catch (error) {
              failure = error;
            }
            expect(failure).toBeInstanceOf(CartographError);
            expect((failure as CartographError).code).toMatch(
              /^(UNKNOWN_PROPERTY|UNKNOWN_OPERATOR|INVALID_FILTER|FORBIDDEN_PROPERTY_NAME)$/,
            );
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(queries.events).toHaveLength(0);
  });

  it('hostile annotation names are escaped or aliased, never written raw', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostile.filter((name) => !KNOWN_NAMES.has(name) && !(name in Person.prototype)),
        async (name) => {
          const annotated = Person.nodes.annotate({
            [name]: count('friends'),
          } as never) as unknown as NodeSet<Person>;
          const set = annotated.filter({ name: 'Alice' });
          const benign = Person.nodes.annotate({ x: count('friends') }).filter({ name: 'Alice' });
          expect(set.toCypher().cypher).toBe(benign.toCypher().cypher);
          const [alice] = (await set.all()) as unknown as Array<Record<string, unknown>>;
          expect(alice![name]).toBe(2);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('hostile keys in written rows', () => {
  const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
  const hostileKey = fc.oneof(
    fc.constantFrom(...PROTOTYPE_KEYS),
    hostile.filter((key) => !KNOWN_NAMES.has(key)),
  );
  // As a JSON body arrives: JSON.parse makes `__proto__` an own key instead of a prototype swap.
  const row = (key: string) =>
    JSON.parse(`{${JSON.stringify(key)}: {"age": -5}, "email": "mallory@example.com", "age": 1}`);

  it('are refused with a typed error by every write entry point, writing nothing', async () => {
    const before = await graphSize();
    queries.clear();
    await fc.assert(
      fc.asyncProperty(hostileKey, async (key) => {
        const attempts: Array<() => Promise<unknown>> = [
          () => Person.create(row(key)),
          () => Person.createMany([row(key)]),
          () => Person.getOrCreate([row(key)]),
          () => Person.createOrUpdate([row(key)]),
          () => Person.merge([row(key)]),
          () => Person.nodes.filter({ name: 'Nobody' }).update(row(key)),
        ];
        for (const attempt of attempts) {
          const failure = await attempt().then(
            () => undefined,
            (error: unknown) => error,
          );
          expect(failure).toBeInstanceOf(CartographError);
          expect((failure as CartographError).code).toBe(
            PROTOTYPE_KEYS.includes(key) ? 'FORBIDDEN_PROPERTY_NAME' : 'UNKNOWN_PROPERTY',
          );
        }
      }),
      { numRuns: 100 },
    );
    expect(queries.events.filter((event) => event.mode === 'WRITE')).toHaveLength(0);
    expect(await graphSize()).toEqual(before);
  });
});

function literalMatch(operator: (typeof STRING_OPERATORS)[number], name: string, value: string): boolean {
  switch (operator) {
    case 'eq':
    case 'exact':
      return name === value;
    case 'ne':
      return name !== value;
    case 'contains':
      return name.includes(value);
    case 'iContains':
      return name.toLowerCase().includes(value.toLowerCase());
    case 'startsWith':
      return name.startsWith(value);
    case 'iStartsWith':
      return name.toLowerCase().startsWith(value.toLowerCase());
    case 'endsWith':
      return name.endsWith(value);
    case 'iEndsWith':
      return name.toLowerCase().endsWith(value.toLowerCase());
    case 'iExact':
      return name.toLowerCase() === value.toLowerCase();
    case 'gt':
      return name > value;
    case 'regex':
      return false;
  }
}
