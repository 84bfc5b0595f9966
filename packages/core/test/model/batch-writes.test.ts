import { ValidationError } from '../../src';
import { Company, Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph, queries } = useTestGraph();

beforeAll(() => graph().installSchema());
beforeEach(() => clearGraph(graph()));

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    email: `person${i}@example.com`,
    name: `Person ${i}`,
    age: 20 + (i % 50),
  }));

describe('createMany', () => {
  it('creates every row in one round trip per batch', async () => {
    queries.clear();
    const created = await Person.createMany(people(2500), { batchSize: 1000 });

    expect(created).toHaveLength(2500);
    expect(created.every((p) => p.isSaved)).toBe(true);
    expect(queries.events.filter((e) => e.cypher.includes('UNWIND'))).toHaveLength(3);
    expect(await Person.nodes.count()).toBe(2500);
  });

  it('gives each instance the element id of the node made from its own row', async () => {
    const created = await Person.createMany(people(300), { batchSize: 128 });
    for (const index of [0, 127, 128, 299]) {
      const stored = await Person.nodes.get({ email: `person${index}@example.com` });
      expect(created[index]!.elementId).toBe(stored.elementId);
    }
  });

  it('returns instances that save only later changes', async () => {
    const [first] = await Person.createMany(people(1));
    first!.age = 99;
    await first!.save();
    expect((await Person.nodes.get({ email: 'person0@example.com' })).age).toBe(99);
  });

  it('validates every row first and writes nothing when one is invalid', async () => {
    const rows = [...people(3), { email: 'broken', name: 'Broken', age: -1 }];

    const error = await Person.createMany(rows).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['[3].email', '[3].age']),
    );
    expect(await Person.nodes.count()).toBe(0);
  });

  it('writes nothing when an invalid row sits in a later batch than valid ones', async () => {
    const rows = [...people(2500), { email: 'late-but-broken', name: 'Broken' }];

    const error = await Person.createMany(rows, { batchSize: 1000 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect(new Set((error as ValidationError).errors.map((e) => e.field))).toEqual(new Set(['[2500].email']));
    expect(await Person.nodes.count()).toBe(0);
  });

  it('inside a caller transaction, checks every row before sending any', async () => {
    await graph().writeTransaction(async () => {
      await Person.create({ email: 'kept@example.com', name: 'Kept' });
      const rows = [...people(1500), { email: 'broken', name: 'Broken' }];
      await expect(Person.createMany(rows, { batchSize: 500 })).rejects.toThrow(ValidationError);
    });
    expect((await Person.nodes.all()).map((p) => p.email)).toEqual(['kept@example.com']);
  });

  it('writes nothing when a later batch fails at the server', async () => {
    await Person.create({ email: 'person1500@example.com', name: 'Existing' });
    await expect(Person.createMany(people(2000), { batchSize: 1000 })).rejects.toMatchObject({
      code: 'UNIQUE_PROPERTY',
    });
    expect(await Person.nodes.count()).toBe(1);
  });
});

describe('getOrCreate', () => {
  it('returns existing nodes unchanged and creates the missing ones, in one query', async () => {
    await Person.create({ email: 'alice@example.com', name: 'Alice', age: 30 });
    queries.clear();

    const result = await Person.getOrCreate([
      { email: 'alice@example.com', name: 'Changed?', age: 1 },
      { email: 'bob@example.com', name: 'Bob', age: 25 },
    ]);

    expect(result.map((p) => p.name)).toEqual(['Alice', 'Bob']);
    expect(queries.events).toHaveLength(1);
    expect(await Person.nodes.count()).toBe(2);
  });
});

describe('createOrUpdate', () => {
  it('updates matching nodes with the given fields and creates the rest', async () => {
    const alice = await Person.create({ email: 'alice@example.com', name: 'Alice', age: 30 });

    const result = await Person.createOrUpdate([
      { email: 'alice@example.com', age: 31 },
      { email: 'bob@example.com', name: 'Bob' },
    ]);

    expect(result[0]!.elementId).toBe(alice.elementId);
    expect(result[0]).toMatchObject({ name: 'Alice', age: 31 });
    expect(result[1]).toMatchObject({ name: 'Bob', age: 0, plan: 'free' });
  });

  it('asks for a key when no row gives a unique field', async () => {
    await expect(Company.createOrUpdate([{ country: 'NL' }])).rejects.toMatchObject({ code: 'MISSING_KEY' });
  });

  it('uses the key fields it is given', async () => {
    await Company.create({ name: 'Acme', country: 'NL' });
    const [acme] = await Company.createOrUpdate([{ name: 'Acme', country: 'BE' }], { key: ['name'] });
    expect(acme).toMatchObject({ name: 'Acme', country: 'BE' });
    expect(await Company.nodes.count()).toBe(1);
  });
});

describe('merge', () => {
  it('matches on every given property and creates what does not match exactly', async () => {
    await Person.create({ email: 'alice@example.com', name: 'Alice', age: 30 });

    await Person.merge([
      { email: 'alice@example.com', name: 'Alice', age: 30 },
      { email: 'zed@example.com', name: 'Zed', age: 40 },
    ]);

    expect(await Person.nodes.count()).toBe(2);
  });
});
