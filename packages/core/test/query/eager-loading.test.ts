import { count, InvalidFilterError, optional } from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';
import { Company, names, Person, seedSocialGraph } from './social-graph';

const { graph, queries } = useTestGraph();

beforeAll(async () => {
  await clearGraph(graph());
  await seedSocialGraph();
});

beforeEach(() => queries.clear());

describe('fetchRelations', () => {
  it('loads nested relations in one round trip', async () => {
    const rows = await Person.nodes.fetchRelations('employer', 'friends.employer').orderBy('name').all();

    expect(queries.events).toHaveLength(1);
    // Dave has no employer and Eve no friends: without optional() they are left out.
    expect(rows.map((p) => p.name)).toEqual(['Alice', 'Bob', 'Carol', 'Frank']);
    const alice = rows[0]!;
    expect(names(alice.employer.cached!)).toEqual(['Acme']);
    expect(names(alice.friends.cached!)).toEqual(['Bob', 'Carol']);
    const carol = alice.friends.cached!.find((p) => p.name === 'Carol')!;
    expect(names(carol.employer.cached!)).toEqual(['Globex']);
    // One instance per node: the Carol reached through Alice is the Carol of the third row.
    expect(carol).toBe(rows[2]);
    expect(names(carol.friends.cached!)).toEqual(['Alice', 'Frank']);
    expect(queries.events).toHaveLength(1);
  });

  it('keeps every friend in the cache, not only those on a complete path', async () => {
    const bob = await Person.nodes.fetchRelations('friends.employer').get({ name: 'Bob' });
    expect(names(bob.friends.cached!)).toEqual(['Alice', 'Dave']);
    const dave = bob.friends.cached!.find((p) => p.name === 'Dave')!;
    expect(dave.employer.cached).toEqual([]);
  });

  it('optional() keeps nodes without the relation', async () => {
    const rows = await Person.nodes
      .fetchRelations(optional('employer'), optional('friends'))
      .orderBy('name')
      .all();
    expect(rows.map((p) => p.name)).toEqual(['Alice', 'Bob', 'Carol', 'Dave', 'Eve', 'Frank']);
    const eve = rows.find((p) => p.name === 'Eve')!;
    expect(eve.employer.cached).toEqual([]);
    expect(eve.friends.cached).toEqual([]);
    expect(queries.events).toHaveLength(1);
  });

  it('one instance per node within a result', async () => {
    const rows = await Person.nodes
      .fetchRelations('employer')
      .filter({ employer: { name: 'Acme' } })
      .all();
    const [a, b] = rows.map((p) => p.employer.cached![0]);
    expect(a).toBe(b);
    expect(a).toBeInstanceOf(Company);
  });

  it('works from the other side, with paging, filters and annotations', async () => {
    const companies = await Company.nodes
      .fetchRelations('employees.friends')
      .annotate({ staff: count('employees') })
      .orderBy('name')
      .limit(1)
      .all();
    expect(queries.events).toHaveLength(1);
    expect(companies.map((c) => [c.name, c.staff])).toEqual([['Acme', 2]]);
    const bob = companies[0]!.employees.cached!.find((p) => p.name === 'Bob')!;
    expect(names(bob.friends.cached!)).toEqual(['Alice', 'Dave']);
  });

  it('applies to traversals and distinct sets', async () => {
    const fof = await Person.nodes
      .filter({ name: 'Alice' })
      .traverse('friends')
      .traverse('friends')
      .distinct()
      .fetchRelations(optional('employer'))
      .orderBy('name')
      .all();
    expect(fof.map((p) => [p.name, names(p.employer.cached!)])).toEqual([
      ['Dave', []],
      ['Frank', ['Globex']],
    ]);
  });

  it('rejects unknown paths', () => {
    expect(() => Person.nodes.fetchRelations('friends.boss' as never)).toThrow(
      /Person has no relationship "boss"/,
    );
    expect(() => Person.nodes.fetchRelations(42 as never)).toThrow(InvalidFilterError);
  });
});
