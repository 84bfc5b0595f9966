import { Q, UnknownPropertyError } from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';
import { Company, Knows, names, Person, type Social, seedSocialGraph } from './social-graph';

const { graph } = useTestGraph();
let social: Social;

beforeAll(async () => {
  await clearGraph(graph());
  social = await seedSocialGraph();
});

const all = async (set: { all(): Promise<Array<{ name: string }>> }) => names(await set.all());

describe('Q and exclude', () => {
  it('Q.or / Q.and / Q.not nest', async () => {
    expect(await all(Person.nodes.filter(Q.or({ age: { lt: 18 } }, Q.not({ name: 'Bob' }))))).toEqual([
      'Alice',
      'Carol',
      'Dave',
      'Eve',
      'Frank',
    ]);
    const adultsOrEve = Q.or<Person>(Q.and({ age: { gte: 18 } }, { active: true }), { name: 'Eve' });
    expect(await all(Person.nodes.filter(adultsOrEve))).toEqual(['Alice', 'Carol', 'Eve']);
  });

  it('several filter() calls and several keys are combined with AND', async () => {
    expect(await all(Person.nodes.filter({ active: true }).filter({ age: { gte: 18 } }))).toEqual([
      'Alice',
      'Carol',
    ]);
    expect(await all(Person.nodes.filter({ active: true }, { name: { startsWith: 'D' } }))).toEqual(['Dave']);
  });

  it('exclude is the complement of filter, so nodes without the property stay', async () => {
    expect(await all(Person.nodes.exclude({ email: { endsWith: '@spam.io' } }))).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Eve',
      'Frank',
    ]);
    expect(await Person.nodes.exclude({ email: { endsWith: '@spam.io' } }).count()).toBe(5);
    expect(await all(Person.nodes.filter(Q.not({ age: { gt: 20 } })))).toEqual(['Dave', 'Eve']);
  });

  it('an empty Q.or matches nothing, an empty Q.and everything', async () => {
    expect(await Person.nodes.filter(Q.or()).count()).toBe(0);
    expect(await Person.nodes.filter(Q.and()).count()).toBe(6);
  });
});

describe('relationship filters', () => {
  it('has / hasNot', async () => {
    expect(await all(Person.nodes.has({ employer: true }))).toEqual(['Alice', 'Bob', 'Carol', 'Frank']);
    expect(await all(Person.nodes.hasNot({ employer: true }))).toEqual(['Dave', 'Eve']);
    expect(await all(Person.nodes.has({ friends: { name: 'Dave' } }))).toEqual(['Bob']);
    expect(await all(Person.nodes.has({ employer: false }))).toEqual(['Dave', 'Eve']);
    expect(await all(Company.nodes.hasNot({ employees: true }))).toEqual(['Initech']);
  });

  it('filters on related nodes', async () => {
    expect(await all(Person.nodes.filter({ friends: { name: 'Bob' } }))).toEqual(['Alice', 'Dave']);
    expect(await all(Person.nodes.filter({ employer: { city: 'Paris' } }))).toEqual(['Carol', 'Frank']);
    expect(await all(Person.nodes.filter({ employer: social.acme }))).toEqual(['Alice', 'Bob']);
    expect(
      await all(Person.nodes.filter({ friends: Q.or({ age: { lt: 18 } }, { age: { gt: 60 } }) })),
    ).toEqual(['Bob', 'Carol']);
  });

  it('filters through several hops', async () => {
    expect(await all(Person.nodes.filter({ friends: { employer: { name: 'Globex' } } }))).toEqual([
      'Alice',
      'Carol',
      'Frank',
    ]);
    expect(await all(Company.nodes.filter({ employees: { friends: { age: { lt: 18 } } } }))).toEqual([
      'Acme',
    ]);
  });

  it('filters on relationship properties with $rel', async () => {
    expect(await all(Person.nodes.filter({ friends: { $rel: { strength: { gte: 4 } } } }))).toEqual([
      'Alice',
      'Bob',
      'Carol',
      'Frank',
    ]);
    const recentStrong = {
      friends: { name: 'Carol', $rel: { since: { gte: new Date('2022-01-01T00:00:00Z') } } },
    };
    expect(await all(Person.nodes.filter(recentStrong))).toEqual(['Alice', 'Frank']);
  });

  it('rejects unknown relationship properties', () => {
    expect(() => Person.nodes.filter({ friends: { $rel: { weight: 1 } } } as never)).toThrow(
      UnknownPropertyError,
    );
    expect(() => Person.nodes.filter({ employer: { $rel: { since: 1 } } } as never)).toThrow(
      /relationship WORKS_AT has no/,
    );
  });
});

describe('traversal', () => {
  it('follows relationships to the far side', async () => {
    const alice = Person.nodes.filter({ email: 'alice@example.com' });
    expect(await all(alice.traverse('friends'))).toEqual(['Bob', 'Carol']);
    expect(await all(alice.traverse('employer'))).toEqual(['Acme']);
    expect(await all(Company.nodes.filter({ name: 'Globex' }).traverse('employees'))).toEqual([
      'Carol',
      'Frank',
    ]);
  });

  it('friends of friends, without reusing a relationship, with distinct', async () => {
    const fof = Person.nodes
      .filter({ email: 'alice@example.com' })
      .traverse('friends')
      .traverse('friends')
      .distinct();
    expect(await all(fof)).toEqual(['Dave', 'Frank']);
  });

  it('duplicates remain until distinct()', async () => {
    const employers = Person.nodes.traverse('employer');
    expect(await all(employers)).toEqual(['Acme', 'Acme', 'Globex', 'Globex']);
    expect(await all(employers.distinct())).toEqual(['Acme', 'Globex']);
    expect(await employers.count()).toBe(4);
    expect(await employers.distinct().count()).toBe(2);
  });

  it('filters at every stage', async () => {
    const set = Person.nodes
      .filter({ age: { gte: 30 } })
      .traverse('friends')
      .filter({ active: true });
    // Alice (30) -> Carol; Carol (35) -> Alice; Frank (65) -> Carol.
    expect(await all(set)).toEqual(['Alice', 'Carol', 'Carol']);
  });

  it('match() filters the traversed relationship', async () => {
    const alice = Person.nodes.filter({ name: 'Alice' });
    expect(await all(alice.traverse('friends').match({ strength: { lt: 4 } }))).toEqual(['Carol']);
    expect(
      await all(alice.traverse('friends').match({ since: { lt: new Date('2021-01-01T00:00:00Z') } })),
    ).toEqual(['Bob']);
  });

  it('paging before a traversal applies to the earlier stage', async () => {
    // Descending order puts missing values first (as in Cypher), so Eve is skipped explicitly.
    const oldest = Person.nodes
      .filter({ age: { isNull: false } })
      .orderBy('-age')
      .limit(1); // Frank
    expect(await all(oldest.traverse('friends'))).toEqual(['Carol']);
    expect(await all(oldest.traverse('employer'))).toEqual(['Globex']);
  });

  it('related() is the set a relationship manager queries', async () => {
    const { NodeSet } = await import('../../src');
    const definition = Person.nodes.definition;
    const friends = NodeSet.related<Person, Knows>(
      Person,
      { definition, elementId: social.alice.elementId! },
      definition.relationships.get('friends')!,
    );
    expect(await all(friends)).toEqual(['Bob', 'Carol']);
    expect(await all(friends.filter({ age: { gt: 30 } }))).toEqual(['Carol']);
    expect(await all(friends.match({ strength: 5 }))).toEqual(['Bob']);
  });

  it('relationship managers expose match() and filter()', async () => {
    expect(
      await all(social.alice.friends.match({ since: { lt: new Date('2021-01-01T00:00:00Z') } })),
    ).toEqual(['Bob']);
    expect(await all(social.alice.friends.filter({ name: { startsWith: 'C' } }))).toEqual(['Carol']);
  });

  it('relationships() returns the relationship-model instances of the last hop', async () => {
    const strong = await Person.nodes
      .filter({ name: 'Alice' })
      .traverse('friends')
      .match({ strength: { gte: 3 } })
      .orderBy('name')
      .relationships();
    expect(strong.map((r) => [r.strength, r.since?.toISOString()])).toEqual([
      [5, '2020-01-01T00:00:00.000Z'],
      [3, '2022-06-01T00:00:00.000Z'],
    ]);
    expect(strong[0]).toBeInstanceOf(Knows);
    expect(strong[0]!.type).toBe('KNOWS');
    const all = await social.alice.friends.match({}).relationships();
    expect(all).toHaveLength(2);
    await expect(Person.nodes.relationships()).rejects.toThrow(/needs a set reached through a relationship/);
  });

  it('unknown relationships are reported', () => {
    expect(() => Person.nodes.traverse('enemies' as never)).toThrow(
      /Person has no relationship "enemies"\. Known: friends, employer/,
    );
  });
});
