// Relationships by key, one at a time (`relate`) and in bulk (`relateMany`, `unrelateMany`): both
// ends found by a unique property, cardinality of both ends checked for the whole batch under
// lock, and every refusal writes nothing.
import 'reflect-metadata';
import {
  AliasProperty,
  AttemptedCardinalityViolationError,
  Graph,
  Node,
  NodeEntity,
  Relationship,
  type RelationshipManager,
  StringProperty,
  ZeroOrOne,
} from '../../src';
import { whileOthersLockPeople } from '../support/held-locks';
import { Company, Knows, Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

// Desks paired for pair programming: undirected, at most one partner each.
@Node()
class Desk extends NodeEntity {
  @StringProperty({ unique: true }) code!: string;
  @AliasProperty('code') declare deskCode: string;
  @Relationship(() => Desk, 'PAIRED_WITH', { cardinality: ZeroOrOne }) partner!: RelationshipManager<Desk>;
}

const { graph, queries } = useTestGraph();

const email = (name: string) => `${name}@example.com`;
const people = ['alice', 'bob', 'carol', 'dave', 'erin'];

beforeEach(async () => {
  await clearGraph(graph());
  await Person.createMany(people.map((name) => ({ email: email(name), name })));
  await Company.createMany([
    { name: 'Acme', country: 'NL' },
    { name: 'Globex', country: 'US' },
  ]);
});

async function count(cypher: string): Promise<number> {
  const { records } = await graph().driver.executeQuery(cypher);
  return records[0]!.get('n').toNumber();
}

const knowsCount = () => count('MATCH ()-[k:KNOWS]->() RETURN count(k) AS n');
const worksAtCount = () => count('MATCH ()-[w:WORKS_AT]->() RETURN count(w) AS n');
const leadsCount = () => count('MATCH ()-[l:LEADS]->() RETURN count(l) AS n');

describe('relate: one pair by key', () => {
  it('connects two people by email with relationship properties, without loading them', async () => {
    const knows = await Person.relate(
      { email: email('alice') },
      'friends',
      { email: email('bob') },
      { since: new Date('2020-01-01'), closeness: 0.9 },
    );

    expect(knows).toBeInstanceOf(Knows);
    expect(knows.closeness).toBe(0.9);
    const { records } = await graph().driver.executeQuery(
      'MATCH (:Person {email: $a})-[k:KNOWS]->(:Person {email: $b}) RETURN k.closeness AS c',
      { a: email('alice'), b: email('bob') },
    );
    expect(records.map((r) => r.get('c'))).toEqual([0.9]);
  });

  it('returns the existing relationship when the pair is already related', async () => {
    const first = await Person.relate({ email: email('alice') }, 'friends', { email: email('bob') });
    const second = await Person.relate({ email: email('alice') }, 'friends', { email: email('bob') });

    expect(second.elementId).toBe(first.elementId);
    expect(await knowsCount()).toBe(1);
  });

  it('checks the other end: a company has one CEO', async () => {
    await Person.relate({ email: email('alice') }, 'leads', { name: 'Acme' });

    await expect(Person.relate({ email: email('bob') }, 'leads', { name: 'Acme' })).rejects.toThrow(
      AttemptedCardinalityViolationError,
    );
    expect(await leadsCount()).toBe(1);
  });

  it('sends one statement: find both ends, lock, check and create', async () => {
    queries.clear();

    await Person.relate({ email: email('alice') }, 'employer', { name: 'Acme' });

    expect(queries.events.map((e) => e.mode)).toEqual(['WRITE']);
    expect(await worksAtCount()).toBe(1);
  });

  it('relates an already related pair of friends (no bound) without waiting for a lock held on either end', async () => {
    const first = await Person.relate({ email: email('alice') }, 'friends', { email: email('bob') });
    // Another application's transaction holds the write locks of both people meanwhile.
    const again = await whileOthersLockPeople(graph().driver, [email('alice'), email('bob')], () =>
      Person.relate({ email: email('alice') }, 'friends', { email: email('bob') }),
    );

    expect(again).not.toBe('waited');
    expect((again as Knows).elementId).toBe(first.elementId);
  });

  it('refuses a friend whose key matches no node, writing nothing', async () => {
    await expect(
      Person.relate({ email: email('alice') }, 'friends', { email: email('zoe') }),
    ).rejects.toMatchObject({ code: 'NODES_NOT_FOUND', model: 'Person', values: [email('zoe')] });
    expect(await knowsCount()).toBe(0);
  });

  it("refuses the owner's second employer with connect's error, naming the node by its key", async () => {
    await Person.relate({ email: email('alice') }, 'employer', { name: 'Acme' });

    const error = await Person.relate({ email: email('alice') }, 'employer', { name: 'Globex' }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(AttemptedCardinalityViolationError);
    expect((error as Error).message).toBe(
      'Person.employer is ZeroOrOne, and Person email=alice@example.com already has 1 WORKS_AT relationship(s). ' +
        'Disconnect one first, or use reconnect(old, new) / replace(...). Nothing was written.',
    );
    expect(await worksAtCount()).toBe(1);
  });

  it('refuses a second CEO with the message connect gives for the other end', async () => {
    await Person.relate({ email: email('alice') }, 'leads', { name: 'Acme' });
    const bob = await Person.nodes.get({ email: email('bob') });
    const acme = await Company.nodes.get({ name: 'Acme' });
    const byConnect = await bob.leads.connect(acme).catch((e: unknown) => e);

    const byKey = await Person.relate({ email: email('bob') }, 'leads', { name: 'Acme' }).catch(
      (e: unknown) => e,
    );

    expect(byKey).toMatchObject({ code: 'ATTEMPTED_CARDINALITY_VIOLATION' });
    expect((byKey as Error).message).toBe((byConnect as Error).message);
    expect((byKey as Error).message).toContain('Company.ceo is One, and Company name=Acme already has 1');
  });

  it('creates another relationship for a related pair when asked for parallel ones', async () => {
    const first = await Person.relate({ email: email('alice') }, 'friends', { email: email('bob') });
    const second = await Person.relate(
      { email: email('alice') },
      'friends',
      { email: email('bob') },
      {},
      {
        parallel: true,
      },
    );

    expect(second.elementId).not.toBe(first.elementId);
    expect(await knowsCount()).toBe(2);
  });

  it('joins the surrounding transaction, and rolls back with it', async () => {
    const failed = await graph()
      .writeTransaction(async () => {
        await Person.relate({ email: email('alice') }, 'friends', { email: email('bob') });
        expect(
          await Person.nodes
            .filter({ email: email('alice') })
            .traverse('friends')
            .count(),
        ).toBe(1);
        throw new Error('changed my mind');
      })
      .catch((e: unknown) => e);

    expect((failed as Error).message).toBe('changed my mind');
    expect(await knowsCount()).toBe(0);
  });

  it('names the owner key that matches no node', async () => {
    await expect(Person.relate({ email: email('zoe') }, 'employer', { name: 'Acme' })).rejects.toMatchObject({
      code: 'NODES_NOT_FOUND',
      model: 'Person',
      property: 'email',
      values: [email('zoe')],
    });
    expect(await worksAtCount()).toBe(0);
  });

  it('refuses a key that matches no node, writing nothing', async () => {
    await expect(
      Person.relate({ email: email('alice') }, 'employer', { name: 'Initech' }),
    ).rejects.toMatchObject({
      code: 'NODES_NOT_FOUND',
      model: 'Company',
      property: 'name',
      values: ['Initech'],
    });
    expect(await worksAtCount()).toBe(0);
  });
});

describe('relateMany', () => {
  it('creates every pair with its properties in one statement per batch', async () => {
    queries.clear();
    const summary = await Person.relateMany('friends', [
      { from: { email: email('alice') }, to: { email: email('bob') }, properties: { closeness: 0.8 } },
      { from: { email: email('alice') }, to: { email: email('carol') }, properties: { closeness: 0.2 } },
      { from: { email: email('bob') }, to: { email: email('carol') } },
    ]);

    expect(summary).toEqual({ created: 3, existing: 0, duplicates: 0, batches: 1 });
    const { records } = await graph().driver.executeQuery(
      'MATCH (a:Person)-[k:KNOWS]->(b:Person) RETURN a.name + ">" + b.name AS pair, k.closeness AS c ORDER BY pair',
    );
    expect(records.map((r) => [r.get('pair'), r.get('c')])).toEqual([
      ['alice>bob', 0.8],
      ['alice>carol', 0.2],
      ['bob>carol', 0.5],
    ]);
    // No cardinality to count: one statement finds both ends by key and MERGEs, no node locked.
    expect(queries.events.filter((e) => e.mode === 'WRITE')).toHaveLength(1);
  });

  it('splits the input into batches that share one transaction', async () => {
    const pairs = people.flatMap((a) =>
      people.filter((b) => b !== a).map((b) => ({ from: { email: email(a) }, to: { email: email(b) } })),
    );

    const summary = await Person.relateMany('friends', pairs, { batchSize: 7 });

    expect(summary).toMatchObject({ created: 20, batches: 3 });
    expect(await knowsCount()).toBe(20);
  });

  it('leaves pairs that are already related as they are and counts them', async () => {
    await Person.relate({ email: email('alice') }, 'employer', { name: 'Acme' });

    const summary = await Person.relateMany('employer', [
      { from: { email: email('alice') }, to: { name: 'Acme' } },
      { from: { email: email('bob') }, to: { name: 'Acme' } },
    ]);

    expect(summary).toEqual({ created: 1, existing: 1, duplicates: 0, batches: 1 });
    expect(await worksAtCount()).toBe(2);
  });

  it('creates a pair given twice once, unless parallel relationships are asked for', async () => {
    const twice = [
      { from: { email: email('alice') }, to: { email: email('bob') } },
      { from: { email: email('alice') }, to: { email: email('bob') } },
    ];

    expect(await Person.relateMany('friends', twice)).toMatchObject({ created: 1, duplicates: 1 });
    expect(await Person.relateMany('friends', twice, { parallel: true })).toMatchObject({ created: 2 });
    expect(await knowsCount()).toBe(3);
  });

  it('refuses a batch that gives one person two employers, naming the pairs, and writes nothing', async () => {
    const error = await Person.relateMany('employer', [
      { from: { email: email('bob') }, to: { name: 'Acme' } },
      { from: { email: email('alice') }, to: { name: 'Acme' } },
      { from: { email: email('alice') }, to: { name: 'Globex' } },
    ]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AttemptedCardinalityViolationError);
    expect((error as AttemptedCardinalityViolationError).pairs).toEqual([1, 2]);
    expect((error as Error).message).toContain('Person email=alice@example.com has 0 WORKS_AT');
    expect(await worksAtCount()).toBe(0);
  });

  it('counts relationships already in the graph against the maximum', async () => {
    await Person.relate({ email: email('alice') }, 'employer', { name: 'Acme' });

    await expect(
      Person.relateMany('employer', [
        { from: { email: email('bob') }, to: { name: 'Globex' } },
        { from: { email: email('alice') }, to: { name: 'Globex' } },
      ]),
    ).rejects.toMatchObject({ code: 'ATTEMPTED_CARDINALITY_VIOLATION', pairs: [1] });
    expect(await worksAtCount()).toBe(1);
  });

  it('checks the reverse side for the whole batch: two CEOs for one company', async () => {
    await expect(
      Person.relateMany('leads', [
        { from: { email: email('alice') }, to: { name: 'Acme' } },
        { from: { email: email('bob') }, to: { name: 'Globex' } },
        { from: { email: email('carol') }, to: { name: 'Acme' } },
      ]),
    ).rejects.toMatchObject({ code: 'ATTEMPTED_CARDINALITY_VIOLATION', pairs: [0, 2] });
    expect(await leadsCount()).toBe(0);
  });

  it('refuses the whole call when a later batch breaks the cardinality', async () => {
    await expect(
      Person.relateMany(
        'employer',
        [
          { from: { email: email('alice') }, to: { name: 'Acme' } },
          { from: { email: email('bob') }, to: { name: 'Acme' } },
          { from: { email: email('alice') }, to: { name: 'Globex' } },
        ],
        { batchSize: 2 },
      ),
    ).rejects.toMatchObject({ code: 'ATTEMPTED_CARDINALITY_VIOLATION', pairs: [2] });
    expect(await worksAtCount()).toBe(0);
  });

  it('names every key that matches no node and writes nothing', async () => {
    await expect(
      Person.relateMany('friends', [
        { from: { email: email('alice') }, to: { email: email('bob') } },
        { from: { email: email('zoe') }, to: { email: email('bob') } },
        { from: { email: email('yves') }, to: { email: email('alice') } },
      ]),
    ).rejects.toMatchObject({
      code: 'NODES_NOT_FOUND',
      values: [email('zoe'), email('yves')],
    });
    expect(await knowsCount()).toBe(0);
  });

  it('validates every relationship property before writing, naming the pair', async () => {
    await expect(
      Person.relateMany('friends', [
        { from: { email: email('alice') }, to: { email: email('bob') }, properties: { closeness: 0.5 } },
        { from: { email: email('alice') }, to: { email: email('carol') }, properties: { closeness: 7 } },
      ]),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: '[1].properties.closeness' })],
    });
    expect(await knowsCount()).toBe(0);
  });

  it('accepts any iterable of pairs', async () => {
    function* pairs() {
      yield { from: { email: email('alice') }, to: { email: email('bob') } };
      yield { from: { email: email('bob') }, to: { email: email('carol') } };
    }

    expect(await Person.relateMany('friends', pairs())).toMatchObject({ created: 2 });
  });

  it('works from the other side of the relationship', async () => {
    const summary = await Company.relateMany('staff', [
      { from: { name: 'Acme' }, to: { email: email('alice') } },
      { from: { name: 'Acme' }, to: { email: email('bob') } },
    ]);

    expect(summary.created).toBe(2);
    expect(await count("MATCH (:Person)-[w:WORKS_AT]->(:Company {name: 'Acme'}) RETURN count(w) AS n")).toBe(
      2,
    );
  });
});

describe('hostile and malformed keys', () => {
  it('refuses a key property that is not declared, without sending any query', async () => {
    queries.clear();
    const hostile = { 'email}) DETACH DELETE (n': email('alice') } as never;

    await expect(
      Person.relateMany('friends', [{ from: hostile, to: { email: email('bob') } }]),
    ).rejects.toMatchObject({ code: 'INVALID_KEY' });
    expect(queries.events).toEqual([]);
    expect(await count('MATCH (n) RETURN count(n) AS n')).toBe(7);
  });

  it('refuses a __proto__ key from parsed JSON', async () => {
    const parsed = JSON.parse('{"__proto__": {"email": "alice@example.com"}}');

    await expect(Person.relate(parsed, 'friends', { email: email('bob') })).rejects.toMatchObject({
      code: 'FORBIDDEN_PROPERTY_NAME',
    });
  });

  it('refuses a property that is not unique, since it could match several nodes', async () => {
    await expect(Person.relate({ name: 'Alice' }, 'friends', { email: email('bob') })).rejects.toMatchObject({
      code: 'INVALID_KEY',
    });
  });

  it('refuses a key with two properties and a key of the wrong type', async () => {
    await expect(
      Person.relate({ email: email('alice'), uid: 'x' }, 'friends', { email: email('bob') }),
    ).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(
      Person.relate({ email: 42 as never }, 'friends', { email: email('bob') }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses an unknown relationship field', async () => {
    await expect(Person.relateMany('enemies' as never, [])).rejects.toMatchObject({
      code: 'UNKNOWN_PROPERTY',
    });
  });
});

describe('unrelateMany', () => {
  it('deletes the relationships of every pair', async () => {
    await Person.relateMany('friends', [
      { from: { email: email('alice') }, to: { email: email('bob') } },
      { from: { email: email('alice') }, to: { email: email('carol') } },
      { from: { email: email('bob') }, to: { email: email('carol') } },
    ]);

    const summary = await Person.unrelateMany('friends', [
      { from: { email: email('alice') }, to: { email: email('bob') } },
      { from: { email: email('bob') }, to: { email: email('carol') } },
      { from: { email: email('bob') }, to: { email: email('carol') } },
    ]);

    expect(summary).toEqual({ deleted: 2, duplicates: 1, batches: 1 });
    expect(await knowsCount()).toBe(1);
  });

  it('refuses to leave a company without its CEO and deletes nothing', async () => {
    await Person.relateMany('leads', [
      { from: { email: email('alice') }, to: { name: 'Acme' } },
      { from: { email: email('bob') }, to: { name: 'Globex' } },
    ]);
    await Person.relateMany('friends', [{ from: { email: email('alice') }, to: { email: email('bob') } }]);

    await expect(
      Person.unrelateMany('leads', [
        { from: { email: email('carol') }, to: { name: 'Globex' } },
        { from: { email: email('alice') }, to: { name: 'Acme' } },
      ]),
    ).rejects.toMatchObject({ code: 'ATTEMPTED_CARDINALITY_VIOLATION', pairs: [1] });
    expect(await leadsCount()).toBe(2);
  });
});

describe('undirected fields', () => {
  beforeEach(() => Desk.createMany(['A', 'B', 'C'].map((code) => ({ code }))));
  const pairedCount = () => count('MATCH ()-[p:PAIRED_WITH]->() RETURN count(p) AS n');

  it('adds up a desk that is on both sides of the batch', async () => {
    await expect(
      Desk.relateMany('partner', [
        { from: { code: 'A' }, to: { code: 'B' } },
        { from: { code: 'C' }, to: { code: 'A' } },
      ]),
    ).rejects.toMatchObject({ code: 'ATTEMPTED_CARDINALITY_VIOLATION', pairs: [0, 1] });
    expect(await pairedCount()).toBe(0);
  });

  it('treats (a, b) and (b, a) as the same pair', async () => {
    const summary = await Desk.relateMany('partner', [
      { from: { code: 'A' }, to: { code: 'B' } },
      { from: { code: 'B' }, to: { code: 'A' } },
    ]);

    expect(summary).toMatchObject({ created: 1, duplicates: 1 });
    expect(await Desk.relateMany('partner', [{ from: { code: 'B' }, to: { code: 'A' } }])).toMatchObject({
      created: 0,
      existing: 1,
    });
    expect(await pairedCount()).toBe(1);
  });

  it('finds the desks of every pair by an alias of their unique code', async () => {
    await Desk.createMany([{ code: 'D' }]);

    const summary = await Desk.relateMany('partner', [
      { from: { deskCode: 'A' }, to: { deskCode: 'B' } },
      { from: { deskCode: 'C' }, to: { deskCode: 'D' } },
    ]);

    expect(summary).toMatchObject({ created: 2 });
    expect(await pairedCount()).toBe(2);
  });
});

describe('concurrent bulk writers', () => {
  // A second connection with its own driver, as another process would have.
  let other: Graph;
  beforeAll(async () => {
    other = await Graph.connect({
      url: process.env.NEO4J_URI!,
      auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
      default: false,
    });
  });
  afterAll(() => other.close());

  const onOther = <T>(work: () => Promise<T>) => other.writeTransaction(() => work());

  it('never gives anyone two employers when two batches race for the same people', async () => {
    const everyone = people.map((name) => ({ email: email(name) }));
    for (let round = 0; round < 10; round++) {
      await graph().driver.executeQuery('MATCH ()-[w:WORKS_AT]->() DELETE w');
      const outcomes = await Promise.allSettled([
        Person.relateMany(
          'employer',
          everyone.map((from) => ({ from, to: { name: 'Acme' } })),
        ),
        onOther(() =>
          Person.relateMany(
            'employer',
            [...everyone].reverse().map((from) => ({ from, to: { name: 'Globex' } })),
          ),
        ),
        Person.relate({ email: email('carol') }, 'employer', { name: 'Globex' }),
      ]);

      for (const outcome of outcomes) {
        if (outcome.status === 'rejected')
          expect(outcome.reason).toBeInstanceOf(AttemptedCardinalityViolationError);
      }
      expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
      expect(
        await count('MATCH (p:Person) WHERE COUNT { (p)-[:WORKS_AT]->() } > 1 RETURN count(p) AS n'),
      ).toBe(0);
    }
  });

  it('lets two batches on the same people in opposite orders both finish (no deadlock reaches the caller)', async () => {
    const forward = people.map((name, i) => ({
      from: { email: email(name) },
      to: { email: email(people[(i + 1) % people.length]!) },
    }));
    const backward = [...people].reverse().map((name, i) => ({
      from: { email: email(name) },
      to: { email: email([...people].reverse()[(i + 1) % people.length]!) },
    }));

    const [a, b] = await Promise.all([
      Person.relateMany('friends', forward),
      onOther(() => Person.relateMany('friends', backward)),
    ]);

    expect(a.created + b.created).toBe(10);
    expect(await knowsCount()).toBe(10);
  });
});
