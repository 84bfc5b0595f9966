import type { Integer } from 'neo4j-driver';
import { DoesNotExistError, NotSavedError, UniquePropertyError, ValidationError } from '../../src';
import { Company, Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph, queries } = useTestGraph();

beforeEach(() => clearGraph(graph()));

async function storedPeople(): Promise<Array<Record<string, unknown> & { age: Integer }>> {
  const { records } = await graph().driver.executeQuery(
    'MATCH (p:Person) RETURN properties(p) AS p ORDER BY p.email',
  );
  return records.map((record) => record.get('p'));
}

describe('creating nodes', () => {
  it('stores the given properties under the class name as label', async () => {
    const alice = await Person.create({ email: 'alice@example.com', name: 'Alice', age: 30 });

    expect(alice.isSaved).toBe(true);
    expect(alice.elementId).toEqual(expect.any(String));
    const [stored] = await storedPeople();
    expect(stored).toMatchObject({ email: 'alice@example.com', name: 'Alice' });
    expect(stored!.age.toNumber()).toBe(30);
  });

  it('generates a uuid for the unique id property and fills defaults', async () => {
    const before = Date.now();
    const bob = await Person.create({ email: 'bob@example.com', name: 'Bob' });

    expect(bob.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bob.age).toBe(0);
    expect(bob.plan).toBe('free');
    expect(bob.createdAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('gives a node every label of its class, extra labels included', async () => {
    await Company.create({ name: 'Acme', country: 'NL' });
    const { records } = await graph().driver.executeQuery('MATCH (c:Company) RETURN labels(c) AS labels');
    expect(records[0]!.get('labels').sort()).toEqual(['Company', 'Organisation']);
  });

  it('stores a property under its dbProperty name', async () => {
    await Company.create({ name: 'Acme', country: 'NL' });
    const { records } = await graph().driver.executeQuery(
      'MATCH (c:Company) RETURN c.registered_country AS country',
    );
    expect(records[0]!.get('country')).toBe('NL');
  });
});

describe('validation before any write', () => {
  it('lists every failing field in one ValidationError and writes nothing', async () => {
    const attempt = Person.create({ email: 'not-an-email', age: -3, plan: 'platinum' });

    await expect(attempt).rejects.toThrow(ValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors.map((e) => `${e.field}:${e.constraint}`).sort()).toEqual(
      expect.arrayContaining(['age:min', 'email:isEmail', 'plan:choices']),
    );
    expect(await storedPeople()).toEqual([]);
  });

  it('rejects a missing required value', async () => {
    const error = await Person.create({ name: 'Nameless' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toContainEqual({
      field: 'email',
      message: 'is required',
      constraint: 'required',
    });
  });

  it('rejects a value of the wrong type with the model and field named', async () => {
    const error = await Person.create({ email: 'c@example.com', age: 'thirty' as unknown as number }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('Person is invalid');
    expect((error as ValidationError).errors.some((e) => e.field === 'age' && e.constraint === 'type')).toBe(
      true,
    );
  });
});

describe('unique properties', () => {
  beforeAll(() => graph().installSchema());

  it('turns a unique constraint violation into UniquePropertyError naming label, property and value', async () => {
    await Person.create({ email: 'alice@example.com', name: 'Alice' });
    const error = await Person.create({ email: 'alice@example.com', name: 'Impostor' }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(UniquePropertyError);
    expect(error).toMatchObject({
      code: 'UNIQUE_PROPERTY',
      label: 'Person',
      property: 'email',
      value: 'alice@example.com',
    });
    expect(await storedPeople()).toHaveLength(1);
  });
});

describe('saving changes', () => {
  it('writes only the properties that changed', async () => {
    const alice = await Person.create({ email: 'alice@example.com', name: 'Alice', age: 30 });
    queries.clear();

    alice.age = 31;
    await alice.save();

    const update = queries.events.find((event) => event.mode === 'WRITE');
    expect(update?.params).toEqual({ id: alice.elementId, changes: { age: expect.anything() } });
    expect((await storedPeople())[0]!.age.toNumber()).toBe(31);
  });

  it('does not touch the database when nothing changed', async () => {
    const alice = await Person.create({ email: 'alice@example.com', name: 'Alice' });
    queries.clear();
    await alice.save();
    expect(queries.events).toEqual([]);
  });

  it('removes a property that was cleared', async () => {
    const alice = await Person.create({ email: 'alice@example.com', name: 'Alice' });
    alice.name = null as unknown as string;
    await alice.save();
    expect((await storedPeople())[0]).not.toHaveProperty('name');
  });

  it('leaves properties the model does not declare alone', async () => {
    const alice = await Person.create({ email: 'alice@example.com', name: 'Alice' });
    await graph().driver.executeQuery('MATCH (p:Person) SET p.legacyScore = 7');
    const loaded = await Person.nodes.get({ email: 'alice@example.com' });
    loaded.name = 'Alice Liddell';
    await loaded.save();
    const [stored] = await storedPeople();
    expect(stored).toMatchObject({ name: 'Alice Liddell' });
    expect((stored!.legacyScore as Integer).toNumber()).toBe(7);
    expect(alice.name).toBe('Alice');
  });
});

describe('loading, refreshing and deleting', () => {
  it('gets one node by its properties, and getOrNull returns null when absent', async () => {
    await Person.create({ email: 'alice@example.com', name: 'Alice', age: 30 });

    const alice = await Person.nodes.get({ email: 'alice@example.com' });
    expect(alice).toBeInstanceOf(Person);
    expect(alice.age).toBe(30);
    expect(await Person.nodes.getOrNull({ email: 'nobody@example.com' })).toBeNull();
    await expect(Person.nodes.get({ email: 'nobody@example.com' })).rejects.toThrow(DoesNotExistError);
  });

  it('refresh discards local changes and reads the stored values', async () => {
    const alice = await Person.create({ email: 'alice@example.com', name: 'Alice', age: 30 });
    await graph().driver.executeQuery('MATCH (p:Person) SET p.age = 40');
    alice.name = 'unsaved';

    await alice.refresh();

    expect(alice.age).toBe(40);
    expect(alice.name).toBe('Alice');
  });

  it('delete removes the node with its relationships', async () => {
    const alice = await Person.create({ email: 'alice@example.com', name: 'Alice' });
    const bob = await Person.create({ email: 'bob@example.com', name: 'Bob' });
    await alice.friends.connect(bob, { since: new Date('2020-01-01') });

    await alice.delete();

    expect(alice.isSaved).toBe(false);
    expect((await storedPeople()).map((p) => p.name)).toEqual(['Bob']);
  });

  it('refuses to delete a node that was never saved', async () => {
    const draft = new Person();
    await expect(draft.delete()).rejects.toThrow(NotSavedError);
  });
});
