import { RelationshipEntity } from '../../src';
import { whileOthersLockPeople } from '../support/held-locks';
import { Company, Knows, Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph } = useTestGraph();

let alice: Person;
let bob: Person;
let carol: Person;

beforeEach(async () => {
  await clearGraph(graph());
  [alice, bob, carol] = await Promise.all([
    Person.create({ email: 'alice@example.com', name: 'Alice' }),
    Person.create({ email: 'bob@example.com', name: 'Bob' }),
    Person.create({ email: 'carol@example.com', name: 'Carol' }),
  ]);
});

async function knowsCount(): Promise<number> {
  const { records } = await graph().driver.executeQuery('MATCH ()-[k:KNOWS]->() RETURN count(k) AS n');
  return records[0]!.get('n').toNumber();
}

describe('connecting nodes', () => {
  it('creates the relationship with its model properties and returns the model instance', async () => {
    const knows = await alice.friends.connect(bob, { since: new Date('2020-01-01') });

    expect(knows).toBeInstanceOf(Knows);
    expect(knows.since).toEqual(new Date('2020-01-01'));
    expect(knows.closeness).toBe(0.5);
    expect(knows.type).toBe('KNOWS');
    expect(await alice.friends.isConnected(bob)).toBe(true);
    expect(await bob.friends.isConnected(alice)).toBe(false);
  });

  it('treats connecting an already connected pair as a no-op', async () => {
    const first = await alice.friends.connect(bob, { since: new Date('2020-01-01') });
    const second = await alice.friends.connect(bob, { since: new Date('2021-01-01') });

    expect(second.elementId).toBe(first.elementId);
    expect(await knowsCount()).toBe(1);
  });

  it('connects an already connected pair (friends have no bound) without waiting for a lock held on either end', async () => {
    const first = await alice.friends.connect(bob);
    // Another application's transaction holds the write locks of both people meanwhile.
    const again = await whileOthersLockPeople(graph().driver, [alice.email, bob.email], () =>
      alice.friends.connect(bob),
    );

    expect(again).not.toBe('waited');
    expect((again as Knows).elementId).toBe(first.elementId);
  });

  it('refuses to connect a friend another application deleted, writing nothing', async () => {
    await graph().driver.executeQuery('MATCH (p:Person {email: $email}) DETACH DELETE p', {
      email: bob.email,
    });

    await expect(alice.friends.connect(bob)).rejects.toMatchObject({ code: 'NOT_SAVED' });
    expect(await knowsCount()).toBe(0);
  });

  it('creates a parallel relationship only when asked to', async () => {
    await alice.friends.connect(bob, { since: new Date('2020-01-01') });
    await alice.friends.connect(bob, { since: new Date('2022-06-01') }, { parallel: true });

    expect(await knowsCount()).toBe(2);
    expect(await alice.friends.relationships(bob)).toHaveLength(2);
  });

  it('validates relationship properties before writing', async () => {
    await expect(
      alice.friends.connect(bob, { since: new Date('2020-01-01'), closeness: 7 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await knowsCount()).toBe(0);
  });

  it('connects through an incoming definition in the declared direction', async () => {
    const acme = await Company.create({ name: 'Acme', country: 'NL' });
    await acme.staff.connect(alice);

    expect(await alice.employer.isConnected(acme)).toBe(true);
    const { records } = await graph().driver.executeQuery(
      'MATCH (p:Person)-[:WORKS_AT]->(c:Company) RETURN p.name AS name',
    );
    expect(records.map((r) => r.get('name'))).toEqual(['Alice']);
  });
});

describe('reading relationships', () => {
  it('loads the relationship model with typed properties', async () => {
    await alice.friends.connect(bob, { since: new Date('2020-01-01'), closeness: 0.9 });

    const rel = await alice.friends.relationship(bob);

    expect(rel).toBeInstanceOf(Knows);
    expect(rel?.since).toBeInstanceOf(Date);
    expect(rel?.closeness).toBe(0.9);
    expect(await alice.friends.relationship(carol)).toBeUndefined();
  });

  it('lists and counts connected nodes as model instances', async () => {
    await alice.friends.connect(bob, { since: new Date('2020-01-01') });
    await alice.friends.connect(carol, { since: new Date('2021-01-01') });

    const friends = await alice.friends.all();

    expect(friends.map((f) => f.name).sort()).toEqual(['Bob', 'Carol']);
    expect(friends[0]).toBeInstanceOf(Person);
    expect(await alice.friends.count()).toBe(2);
  });

  it('returns a plain RelationshipEntity for relationships without a model', async () => {
    const acme = await Company.create({ name: 'Acme', country: 'NL' });
    await alice.employer.connect(acme);
    const rel = await alice.employer.relationship(acme);
    expect(rel).toBeInstanceOf(RelationshipEntity);
    expect(rel?.type).toBe('WORKS_AT');
  });

  it('saves a relationship model on its own', async () => {
    await alice.friends.connect(bob, { since: new Date('2020-01-01') });
    const rel = (await alice.friends.relationship(bob))!;

    rel.closeness = 0.75;
    await rel.save();

    const again = await alice.friends.relationship(bob);
    expect(again?.closeness).toBe(0.75);
  });
});

describe('disconnecting and moving relationships', () => {
  it('disconnect removes only the relationship to that node', async () => {
    await alice.friends.connect(bob, { since: new Date('2020-01-01') });
    await alice.friends.connect(carol, { since: new Date('2020-01-01') });

    await alice.friends.disconnect(bob);

    expect((await alice.friends.all()).map((f) => f.name)).toEqual(['Carol']);
  });

  it('disconnectAll removes every relationship of the field', async () => {
    await alice.friends.connect(bob, { since: new Date('2020-01-01') });
    await alice.friends.connect(carol, { since: new Date('2020-01-01') });

    await alice.friends.disconnectAll();

    expect(await alice.friends.count()).toBe(0);
    expect(await Person.nodes.count()).toBe(3);
  });

  it('reconnect moves the relationship and keeps its properties', async () => {
    await alice.friends.connect(bob, { since: new Date('2019-05-05'), closeness: 0.8 });

    await alice.friends.reconnect(bob, carol);

    expect(await alice.friends.isConnected(bob)).toBe(false);
    const moved = await alice.friends.relationship(carol);
    expect(moved).toMatchObject({ since: new Date('2019-05-05'), closeness: 0.8 });
  });

  it('replace makes the given nodes the only targets', async () => {
    await alice.friends.connect(bob, { since: new Date('2020-01-01') });

    await alice.friends.replace([carol], { since: new Date('2023-03-03') });

    expect((await alice.friends.all()).map((f) => f.name)).toEqual(['Carol']);
  });
});
