import neo4j from 'neo4j-driver';
import { Graph } from '../../src';
import { runCypher } from '../../src/internal';
import { clearGraph, useTestGraph } from '../support/test-graph';
import { names, Person, seedSocialGraph } from './social-graph';

const { graph, queries } = useTestGraph();

beforeAll(async () => {
  await clearGraph(graph());
  await seedSocialGraph();
});

beforeEach(() => queries.clear());

describe('stream()', () => {
  it('yields every node, hydrated, lazily', async () => {
    const seen: Person[] = [];
    for await (const person of Person.nodes
      .filter({ age: { gte: 18 } })
      .orderBy('name')
      .stream())
      seen.push(person);
    expect(seen.map((p) => p.name)).toEqual(['Alice', 'Bob', 'Carol', 'Frank']);
    expect(seen[0]).toBeInstanceOf(Person);
  });

  it('a node set is itself async iterable', async () => {
    const seen: string[] = [];
    for await (const person of Person.nodes.orderBy('name').limit(2)) seen.push(person.name);
    expect(seen).toEqual(['Alice', 'Bob']);
  });

  it('streams eager-loaded relations too', async () => {
    const seen: Array<[string, string[]]> = [];
    for await (const p of Person.nodes.fetchRelations('employer').orderBy('name').stream())
      seen.push([p.name, names(p.employer.cached!)]);
    expect(seen).toEqual([
      ['Alice', ['Acme']],
      ['Bob', ['Acme']],
      ['Carol', ['Globex']],
      ['Frank', ['Globex']],
    ]);
  });

  it('releases its transaction when the loop stops early', async () => {
    for (let i = 0; i < 20; i++) {
      for await (const person of Person.nodes.stream()) {
        expect(person).toBeInstanceOf(Person);
        break;
      }
    }
    // Leaked sessions would exhaust the pool (default 100) long before this point.
    expect(await Person.nodes.count()).toBe(6);
  });

  it('rolls back and rethrows when the loop throws', async () => {
    const loop = async () => {
      for await (const _ of Person.nodes.stream()) throw new Error('stop');
    };
    await expect(loop()).rejects.toThrow('stop');
    expect(await Person.nodes.count()).toBe(6);
  });
});

describe('toCypher, explain and profile', () => {
  it('toCypher shows exactly what runs, with parameters', () => {
    const { cypher, params } = Person.nodes.filter({ age: { gte: 18 } }).toCypher();
    expect(cypher).toBe('MATCH (n0:Person) WHERE n0.age >= $v0\nRETURN n0');
    expect(params).toEqual({ v0: neo4j.int(18) });
  });

  it('explain returns the plan without running the query', async () => {
    const summary = await Person.nodes.filter({ name: 'Alice' }).explain();
    expect(summary.mode).toBe('EXPLAIN');
    expect(summary.plan.operator).toMatch(/^ProduceResults/);
    expect(summary.plan.children.length).toBeGreaterThan(0);
    expect(summary.plan.estimatedRows).toEqual(expect.any(Number));
    expect(summary.totalDbHits).toBeUndefined();
  });

  it('profile runs it and reports rows and db hits', async () => {
    const summary = await Person.nodes.filter({ name: 'Alice' }).profile();
    expect(summary.mode).toBe('PROFILE');
    expect(summary.plan.rows).toBe(1);
    expect(summary.totalDbHits).toBeGreaterThan(0);
  });
});

describe('query log', () => {
  it('reports each query with redacted parameters, duration and row count', async () => {
    await Person.nodes.filter({ name: { in: ['Alice', 'Bob'] } }).all();
    const [event] = queries.events;
    expect(event).toMatchObject({
      cypher: expect.stringContaining('MATCH (n0:Person)'),
      mode: 'READ',
      rows: 2,
      params: { v0: ['Alice', 'Bob'] },
    });
    expect(event!.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('raw Cypher', () => {
  it('inflates the node column into model instances', async () => {
    const rows = await runCypher(
      graph(),
      'MATCH (p:Person) WHERE p.age > $age RETURN p ORDER BY p.name',
      { age: 30 },
      { inflate: Person, mode: 'READ' },
    );
    expect(rows.map((p) => p.name)).toEqual(['Carol', 'Frank']);
    expect(rows[0]).toBeInstanceOf(Person);
  });

  it('returns plain rows otherwise', async () => {
    const rows = await runCypher(graph(), 'MATCH (p:Person {name: $name}) RETURN p.age AS age, p', {
      name: 'Alice',
    });
    expect(rows).toEqual([
      {
        age: 30,
        p: expect.objectContaining({
          labels: ['Person'],
          properties: expect.objectContaining({ name: 'Alice' }),
        }),
      },
    ]);
  });

  it('refuses to inflate rows without exactly one node', async () => {
    await expect(runCypher(graph(), 'RETURN 1 AS one', {}, { inflate: Person })).rejects.toThrow(
      /exactly one node/,
    );
  });

  it('is reachable as graph.cypher', async () => {
    const rows = await Graph.current().cypher(
      'MATCH (p:Person {name: $name}) RETURN p',
      { name: 'Bob' },
      { inflate: Person },
    );
    expect(rows.map((p) => p.name)).toEqual(['Bob']);
  });
});
