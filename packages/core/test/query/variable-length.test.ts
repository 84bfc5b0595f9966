// Variable-length traversal on a generated social network: people in four cities who know each
// other (undirected KNOWS) and work at companies. Every expected set is computed here from the
// same friendships, following Cypher's rule that a path never uses one relationship twice.
import 'reflect-metadata';
import {
  IntegerProperty,
  InvalidFilterError,
  Node,
  NodeEntity,
  type NodeSet,
  Relationship,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  ZeroOrOne,
} from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';

@Node()
class Employer extends NodeEntity {
  declare static readonly nodes: NodeSet<Employer>;
  @StringProperty({ unique: true, required: true }) name!: string;
}

@Node()
class Resident extends NodeEntity {
  declare static readonly nodes: NodeSet<Resident>;
  @StringProperty({ unique: true, required: true }) handle!: string;
  @StringProperty({ required: true }) city!: string;
  @IntegerProperty({ required: true }) age!: number;
  @Relationship(() => Resident, 'KNOWS') friends!: RelationshipManager<Resident>;
  @RelationshipTo(() => Employer, 'WORKS_AT', { cardinality: ZeroOrOne })
  employer!: RelationshipManager<Employer>;
}

const { graph } = useTestGraph();
const PEOPLE = 48;
const CITIES = ['Lyon', 'Porto', 'Turku', 'Gent'];
const handle = (i: number) => `r${String(i).padStart(2, '0')}`;
/** Friendships as index pairs: a ring through everyone plus deterministic chords and a few triangles. */
const friendships: Array<[number, number]> = [];
/** Employer index per person (undefined: unemployed). */
const employment = new Map<number, number>();
let people: Resident[] = [];

beforeAll(async () => {
  await clearGraph(graph());
  await graph().installSchema();
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const seen = new Set<string>();
  const befriend = (a: number, b: number) => {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    friendships.push([a, b]);
  };
  for (let i = 0; i < PEOPLE; i += 2) befriend(i, (i + 2) % PEOPLE); // two rings: evens, odds
  for (let i = 1; i < PEOPLE; i += 2) befriend(i, (i + 2) % PEOPLE);
  for (let k = 0; k < 30; k++) befriend(Math.floor(random() * PEOPLE), Math.floor(random() * PEOPLE));
  people = await Resident.createMany(
    Array.from({ length: PEOPLE }, (_, i) => ({
      handle: handle(i),
      city: CITIES[i % CITIES.length]!,
      age: 20 + ((i * 7) % 45),
    })),
  );
  const employers = await Employer.createMany([{ name: 'Arbor' }, { name: 'Basalt' }, { name: 'Cobalt' }]);
  for (const [a, b] of friendships) await people[a]!.friends.connect(people[b]!);
  for (let i = 0; i < PEOPLE; i++) {
    if (i % 3 === 2) continue;
    employment.set(i, i % 3 === 0 ? 0 : i % 2);
    await people[i]!.employer.connect(employers[employment.get(i)!]!);
  }
});

/** Every trail (no relationship twice) of `min..max` relationships from each start: its end node, once per trail. */
function trailEnds(starts: number[], min: number, max: number): number[] {
  const ends: number[] = [];
  const walk = (at: number, used: Set<number>, depth: number) => {
    if (depth >= min) ends.push(at);
    if (depth === max) return;
    friendships.forEach(([a, b], index) => {
      if (used.has(index) || (a !== at && b !== at)) return;
      used.add(index);
      walk(a === at ? b : a, used, depth + 1);
      used.delete(index);
    });
  };
  for (const start of starts) walk(start, new Set(), 0);
  return ends;
}

const indexesWhere = (test: (i: number) => boolean) =>
  Array.from({ length: PEOPLE }, (_, i) => i).filter(test);
const inCity = (city: string) => indexesWhere((i) => CITIES[i % CITIES.length] === city);
const ageOf = (i: number) => 20 + ((i * 7) % 45);
const handlesOf = (indexes: Iterable<number>) => [...new Set(indexes)].map(handle).sort();
const sortedHandles = (found: Resident[]) => found.map((r) => r.handle).sort();

describe('traverse with bounds', () => {
  it('reaches every person within one to three hops of the people of a city, each once', async () => {
    const found = await Resident.nodes.filter({ city: 'Lyon' }).traverse('friends', { min: 1, max: 3 }).all();

    expect(sortedHandles(found)).toEqual(handlesOf(trailEnds(inCity('Lyon'), 1, 3)));
    expect(new Set(found.map((r) => r.handle)).size).toBe(found.length);
  });

  it('defaults min to 1, and { exactly: n } means n hops', async () => {
    const start = Resident.nodes.filter({ handle: handle(5) });

    const withinTwo = await start.traverse('friends', { max: 2 }).all();
    const exactlyTwo = await start.traverse('friends', { exactly: 2 }).all();

    expect(sortedHandles(withinTwo)).toEqual(handlesOf(trailEnds([5], 1, 2)));
    expect(sortedHandles(exactlyTwo)).toEqual(handlesOf(trailEnds([5], 2, 2)));
  });

  it('returns one row per path with distinct: false', async () => {
    const start = Resident.nodes.filter({ handle: handle(10) });

    const paths = await start.traverse('friends', { min: 1, max: 3, distinct: false }).count();
    const distinct = await start.traverse('friends', { min: 1, max: 3 }).count();

    expect(paths).toBe(trailEnds([10], 1, 3).length);
    expect(distinct).toBe(handlesOf(trailEnds([10], 1, 3)).length);
    expect(paths).toBeGreaterThan(distinct);
  });

  it('filters the far end', async () => {
    const found = await Resident.nodes
      .filter({ city: 'Porto' })
      .traverse('friends', { min: 2, max: 3 })
      .filter({ age: { gte: 40 }, city: { ne: 'Porto' } })
      .all();

    const expected = trailEnds(inCity('Porto'), 2, 3).filter(
      (i) => ageOf(i) >= 40 && CITIES[i % CITIES.length] !== 'Porto',
    );
    expect(sortedHandles(found)).toEqual(handlesOf(expected));
  });

  it('keeps far-end people who have an employer with has()', async () => {
    const found = await Resident.nodes
      .filter({ handle: handle(3) })
      .traverse('friends', { max: 2 })
      .has({ employer: true })
      .all();

    expect(sortedHandles(found)).toEqual(handlesOf(trailEnds([3], 1, 2).filter((i) => employment.has(i))));
  });

  it('loads the far end’s employer in the same query', async () => {
    const found = await Resident.nodes
      .filter({ handle: handle(8) })
      .traverse('friends', { max: 2 })
      .fetchRelations('employer')
      .all();

    expect(sortedHandles(found)).toEqual(handlesOf(trailEnds([8], 1, 2).filter((i) => employment.has(i))));
    for (const person of found) {
      const index = Number(person.handle.slice(1));
      expect(person.employer.cached?.map((e) => e.name)).toEqual([
        ['Arbor', 'Basalt', 'Cobalt'][employment.get(index)!],
      ]);
    }
  });

  it('continues with another traversal: the employers of everyone within two hops', async () => {
    const employers = await Resident.nodes
      .filter({ handle: handle(0) })
      .traverse('friends', { max: 2 })
      .traverse('employer')
      .distinct()
      .values('name');

    const expected = new Set(
      trailEnds([0], 1, 2)
        .filter((i) => employment.has(i))
        .map((i) => ['Arbor', 'Basalt', 'Cobalt'][employment.get(i)!]),
    );
    expect(employers.map((e) => e.name).sort()).toEqual([...expected].sort());
  });

  it('orders, pages and reads values over the distinct far end', async () => {
    const reached = handlesOf(trailEnds(inCity('Turku'), 1, 2));
    const set = Resident.nodes.filter({ city: 'Turku' }).traverse('friends', { max: 2 }).orderBy('handle');

    const first = await set.paginate({ first: 5 });
    const second = await set.paginate({ first: 5, after: first.pageInfo.endCursor });
    const values = await set.values('handle');

    expect([...first.items, ...second.items].map((r) => r.handle)).toEqual(reached.slice(0, 10));
    expect(values.map((v) => v.handle)).toEqual(reached);
    expect(await set.exists()).toBe(true);
  });
});

describe('traverse bounds that make no sense', () => {
  const start = () => Resident.nodes.filter({ handle: handle(1) });

  it.each([
    [{ min: 3, max: 1 }, 'min <= max'],
    [{ min: -1, max: 2 }, 'whole number >= 0'],
    [{ min: 1, max: 2.5 }, 'whole number >= 0'],
    [{ min: 1 }, 'needs a max'],
    [{ max: 0 }, 'max >= 1'],
    [{ exactly: 0 }, 'exactly >= 1'],
    [{ exactly: 2, max: 3 }, 'not both'],
  ])('refuses %j with InvalidFilterError', (bounds, message) => {
    expect(() => start().traverse('friends', bounds as never)).toThrow(InvalidFilterError);
    expect(() => start().traverse('friends', bounds as never)).toThrow(message);
  });

  it('refuses relationship filters and relationships() on a variable-length hop', async () => {
    const set = start().traverse('friends', { max: 2 });

    expect(() => set.match({} as never)).toThrow(InvalidFilterError);
    await expect(set.relationships()).rejects.toMatchObject({ code: 'INVALID_FILTER' });
  });
});
