import { Graph, UnknownPropertyError, ValidationError } from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';
import { Company, Person, seedSocialGraph } from './social-graph';

const { graph, queries } = useTestGraph();

beforeEach(async () => {
  await clearGraph(graph());
  await seedSocialGraph();
  queries.clear();
});

describe('update()', () => {
  it('sets properties on every node of the set and returns how many', async () => {
    const updated = await Person.nodes.filter({ age: { gte: 30 } }).update({ plan: 'pro', score: 2.5 });
    expect(updated).toBe(3);
    const rows = await Person.nodes.filter({ score: 2.5 }).orderBy('name').values('name', 'plan');
    expect(rows).toEqual([
      { name: 'Alice', plan: 'pro' },
      { name: 'Carol', plan: 'pro' },
      { name: 'Frank', plan: 'pro' },
    ]);
  });

  it('converts values through the property types (integers stay INTEGER, dates DATETIME)', async () => {
    await Person.nodes.filter({ name: 'Eve' }).update({ age: 40, born: new Date('1985-03-04T00:00:00Z') });
    const { records } = await graph().driver.executeQuery(
      "MATCH (p:Person {name: 'Eve'}) RETURN valueType(p.age) AS age, valueType(p.born) AS born",
    );
    expect([records[0]!.get('age'), records[0]!.get('born')]).toEqual([
      'INTEGER NOT NULL',
      'ZONED DATETIME NOT NULL',
    ]);
  });

  it('null removes a property', async () => {
    await Person.nodes.filter({ name: 'Alice' }).update({ score: null });
    expect((await Person.nodes.get({ name: 'Alice' })).score).toBeUndefined();
  });

  it('validates every value before writing anything', async () => {
    const attempt = Person.nodes.update({ age: 'old' as never, plan: 'gold' as never, name: null });
    await expect(attempt).rejects.toThrow(ValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(error.errors.map((e) => `${e.field}:${e.constraint}`).sort()).toEqual([
      'age:type',
      'name:required',
      'plan:choices',
    ]);
    expect(queries.events).toHaveLength(0);
    await expect(Person.nodes.update({ height: 2 } as never)).rejects.toThrow(UnknownPropertyError);
  });

  it('touches exactly the nodes matched at the start, even when the update changes the match', async () => {
    const updated = await Person.nodes.filter({ age: { lt: 30 } }).update({ age: 29 }, { batchSize: 1 });
    expect(updated).toBe(2);
    // One query collects the ids, then one write per batch of one.
    expect(queries.events.map((e) => e.mode)).toEqual(['READ', 'WRITE', 'WRITE']);
    expect(await Person.nodes.filter({ age: 29 }).count()).toBe(2);
  });

  it('joins the active transaction (and rolls back with it)', async () => {
    const attempt = graph().writeTransaction(async () => {
      await Person.nodes.update({ active: false });
      throw new Error('abort');
    });
    await expect(attempt).rejects.toThrow('abort');
    expect(await Person.nodes.filter({ active: true }).count()).toBe(3);
  });
});

describe('delete()', () => {
  it('deletes the nodes of the set with their relationships, in batches', async () => {
    const deleted = await Person.nodes.has({ employer: true }).delete({ batchSize: 3 });
    expect(deleted).toBe(4);
    expect((await Person.nodes.orderBy('name').values('name')).map((r) => r.name)).toEqual(['Dave', 'Eve']);
    const { records } = await graph().driver.executeQuery('MATCH ()-[r:WORKS_AT]->() RETURN count(r) AS n');
    expect(records[0]!.get('n').toNumber()).toBe(0);
    expect(queries.events.filter((e) => e.mode === 'WRITE')).toHaveLength(2);
  });

  it('respects paging and traversal', async () => {
    expect(await Person.nodes.orderBy('name').limit(2).delete()).toBe(2);
    expect(await Company.nodes.filter({ name: 'Globex' }).traverse('employees').delete()).toBe(2);
    expect((await Person.nodes.orderBy('name').values('name')).map((r) => r.name)).toEqual(['Dave', 'Eve']);
  });

  it('refuses a batchSize that is not a whole number >= 1 with InvalidBatchSizeError', async () => {
    await expect(Person.nodes.update({ age: 1 }, { batchSize: 0 })).rejects.toMatchObject({
      code: 'INVALID_BATCH_SIZE',
    });
    await expect(Person.nodes.delete({ batchSize: 2.5 })).rejects.toMatchObject({
      code: 'INVALID_BATCH_SIZE',
    });
  });

  it('an empty set deletes nothing', async () => {
    expect(await Person.nodes.filter({ name: 'Zoe' }).delete()).toBe(0);
    expect(await Graph.current().cypher('MATCH (n) RETURN count(n) AS n', {}, { mode: 'READ' })).toEqual([
      { n: 9 },
    ]);
  });
});
