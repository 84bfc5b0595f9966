import {
  avg,
  collect,
  count,
  DoesNotExistError,
  InvalidFilterError,
  MultipleNodesReturnedError,
  max,
  min,
  sum,
} from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';
import { Company, Person, seedSocialGraph } from './social-graph';

const { graph } = useTestGraph();

beforeAll(async () => {
  await clearGraph(graph());
  await seedSocialGraph();
});

const ordered = async (set: { all(): Promise<Array<{ name: string }>> }) =>
  (await set.all()).map((node) => node.name);

describe('ordering and paging', () => {
  it('orders by several keys; - means descending, and missing values come first when descending', async () => {
    expect(await ordered(Person.nodes.orderBy('-age', 'name'))).toEqual([
      'Eve',
      'Frank',
      'Carol',
      'Alice',
      'Bob',
      'Dave',
    ]);
    expect(await ordered(Person.nodes.orderBy('age'))).toEqual([
      'Dave',
      'Bob',
      'Alice',
      'Carol',
      'Frank',
      'Eve',
    ]);
  });

  it('orders by related properties (nodes without the relation last when ascending)', async () => {
    expect(await ordered(Person.nodes.orderBy('employer.name', 'name'))).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Frank',
      'Dave',
      'Eve',
    ]);
    expect(await ordered(Person.nodes.orderBy('-employer.city', '-name'))).toEqual([
      'Eve',
      'Dave',
      'Frank',
      'Carol',
      'Bob',
      'Alice',
    ]);
  });

  it('a later orderBy replaces the earlier one', async () => {
    expect(await ordered(Person.nodes.orderBy('-name').orderBy('name'))).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Dave',
      'Eve',
      'Frank',
    ]);
  });

  it('skip and limit', async () => {
    expect(await ordered(Person.nodes.orderBy('name').skip(2).limit(2))).toEqual(['Carol', 'Dave']);
    expect(await ordered(Person.nodes.orderBy('name').skip(5))).toEqual(['Frank']);
    expect(await ordered(Person.nodes.orderBy('name').limit(0))).toEqual([]);
    expect(() => Person.nodes.limit(-1)).toThrow(InvalidFilterError);
    expect(() => Person.nodes.skip(1.5)).toThrow(/whole number/);
  });

  it('rejects unknown order keys', () => {
    expect(() => Person.nodes.orderBy('height' as never)).toThrow(/Person has no field "height"/);
    expect(() => Person.nodes.orderBy('employer.size' as never)).toThrow(/Company has no property "size"/);
  });
});

describe('single results', () => {
  it('first / firstOrNull keep the order', async () => {
    expect(
      (
        await Person.nodes
          .orderBy('-score')
          .filter({ score: { isNull: false } })
          .first()
      ).name,
    ).toBe('Alice');
    expect(await Person.nodes.filter({ name: 'Zoe' }).firstOrNull()).toBeNull();
    await expect(Person.nodes.filter({ name: 'Zoe' }).first()).rejects.toThrow(DoesNotExistError);
  });

  it('get / getOrNull demand exactly one', async () => {
    expect((await Person.nodes.get({ email: 'bob@example.com' })).name).toBe('Bob');
    expect(await Person.nodes.getOrNull({ email: 'zoe@example.com' })).toBeNull();
    await expect(Person.nodes.get({ name: 'Zoe' })).rejects.toThrow(DoesNotExistError);
    await expect(Person.nodes.get({ active: true })).rejects.toThrow(MultipleNodesReturnedError);
    await expect(Person.nodes.getOrNull({ active: true })).rejects.toThrow(/More than one Person/);
  });

  it('results are model instances with their state', async () => {
    const alice = await Person.nodes.get({ name: 'Alice' });
    expect(alice).toBeInstanceOf(Person);
    expect(alice.isSaved).toBe(true);
    expect(alice.tags).toEqual(['admin', 'dev']);
    expect(alice.born).toEqual(new Date('1994-05-01T00:00:00Z'));
    expect(alice.settings).toEqual({ theme: 'dark' });
  });

  it('count and exists', async () => {
    expect(await Person.nodes.count()).toBe(6);
    expect(await Person.nodes.filter({ age: { gte: 30 } }).count()).toBe(3);
    expect(await Person.nodes.orderBy('name').skip(4).count()).toBe(2);
    expect(await Person.nodes.limit(3).count()).toBe(3);
    expect(await Person.nodes.filter({ name: 'Eve' }).exists()).toBe(true);
    expect(await Person.nodes.filter({ name: 'Zoe' }).exists()).toBe(false);
  });
});

describe('projections', () => {
  it('values() returns plain objects with the given fields, inflated', async () => {
    const rows = await Person.nodes
      .filter({ name: { in: ['Alice', 'Eve'] } })
      .orderBy('name')
      .values('name', 'age', 'born');
    expect(rows).toEqual([
      { name: 'Alice', age: 30, born: new Date('1994-05-01T00:00:00Z') },
      { name: 'Eve' },
    ]);
    const typed: Array<{ name: string; age?: number }> = rows;
    expect(typed).toHaveLength(2);
    expect(await Person.nodes.orderBy('name').limit(2).values('name')).toEqual([
      { name: 'Alice' },
      { name: 'Bob' },
    ]);
  });

  it('annotate() adds per-node aggregates, usable in orderBy, filter and values', async () => {
    const counted = Person.nodes.annotate({ friendCount: count('friends') });
    const rows = await counted.orderBy('-friendCount', 'name').all();
    expect(rows.map((p) => [p.name, p.friendCount])).toEqual([
      ['Alice', 2],
      ['Bob', 2],
      ['Carol', 2],
      ['Dave', 1],
      ['Frank', 1],
      ['Eve', 0],
    ]);
    expect(
      (
        await counted
          .filter({ friendCount: { gte: 2 } })
          .orderBy('name')
          .all()
      ).map((p) => p.name),
    ).toEqual(['Alice', 'Bob', 'Carol']);
    expect(await counted.filter({ friendCount: 0 }).values('name', 'friendCount')).toEqual([
      { name: 'Eve', friendCount: 0 },
    ]);
  });

  it('collect, sum, avg, min and max over relationships', async () => {
    const alice = await Person.nodes
      .filter({ name: 'Alice' })
      .annotate({
        friendNames: collect('friends.name'),
        friendList: collect('friends'),
        total: sum('friends.age'),
        average: avg('friends.age'),
        youngest: min('friends.age'),
        oldest: max('friends.age'),
        colleagues: count('employer.employees'),
      })
      .first();
    expect([...alice.friendNames].sort()).toEqual(['Bob', 'Carol']);
    expect(alice.friendList.map((p) => p.name).sort()).toEqual(['Bob', 'Carol']);
    expect(alice.friendList[0]).toBeInstanceOf(Person);
    expect([alice.total, alice.average, alice.youngest, alice.oldest]).toEqual([60, 30, 25, 35]);
    // A path never reuses a relationship, so Alice is not her own colleague.
    expect(alice.colleagues).toBe(1);
    const eve = await Person.nodes
      .filter({ name: 'Eve' })
      .annotate({ average: avg('friends.age'), total: sum('friends.age') })
      .first();
    expect([eve.average, eve.total]).toEqual([null, 0]);
  });

  it('annotations can be paged, and paging happens before they are computed', async () => {
    const set = Company.nodes
      .annotate({ staff: count('employees') })
      .orderBy('-staff', 'name')
      .limit(2);
    expect((await set.all()).map((c) => [c.name, c.staff])).toEqual([
      ['Acme', 2],
      ['Globex', 2],
    ]);
  });

  it('refuses annotation names that clash and paths that do not fit', () => {
    expect(() => Person.nodes.annotate({ name: count('friends') } as never)).toThrow(/already used/);
    expect(() => Person.nodes.annotate({ x: sum('friends') } as never)).toThrow(/needs a property/);
    expect(() => Person.nodes.annotate({ x: count('enemies') } as never)).toThrow(
      /no relationship "enemies"/,
    );
  });

  it('aggregate() computes over the whole set', async () => {
    const stats = await Person.nodes.aggregate({
      people: count(),
      withAge: count('age'),
      avgAge: avg('age'),
      total: sum('age'),
      youngest: min('age'),
      oldest: max('age'),
      firstName: min('name'),
      plans: collect('plan', { distinct: true }),
    });
    expect({ ...stats, plans: [...stats.plans].sort() }).toEqual({
      people: 6,
      withAge: 5,
      avgAge: 34.4,
      total: 172,
      youngest: 17,
      oldest: 65,
      firstName: 'Alice',
      plans: ['free', 'pro'],
    });
    expect(await Person.nodes.filter({ name: 'Zoe' }).aggregate({ n: count(), a: avg('age') })).toEqual({
      n: 0,
      a: null,
    });
  });

  it('groupBy().aggregate() returns one row per group', async () => {
    const rows = await Person.nodes.groupBy('plan').aggregate({ people: count(), avgAge: avg('age') });
    const byPlan = Object.fromEntries(rows.map((row) => [String(row.plan), [row.people, row.avgAge]]));
    expect(byPlan).toEqual({ pro: [2, 32.5], free: [1, 25], null: [3, 41] });
  });

  it('aggregates can use annotations', async () => {
    const stats = await Person.nodes
      .annotate({ friendCount: count('friends') })
      .aggregate({ most: max('friendCount'), mean: avg('friendCount') });
    expect(stats).toEqual({ most: 2, mean: 8 / 6 });
  });
});
