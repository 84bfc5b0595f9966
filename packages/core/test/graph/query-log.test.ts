import { Person } from '../support/social-models';
import { useTestGraph } from '../support/test-graph';

const { queries } = useTestGraph();

beforeAll(async () => {
  await Person.createMany([
    { email: 'ada@example.com', name: 'Ada', age: 36 },
    { email: 'alan@example.com', name: 'Alan', age: 41 },
  ]);
});

it('reports each query with its Cypher, parameters, mode, duration and row count', async () => {
  queries.clear();
  await Person.nodes.filter({ age: { gte: 40 } }).all();

  expect(queries.events).toHaveLength(1);
  expect(queries.events[0]).toMatchObject({ mode: 'READ', rows: 1, params: { v0: expect.anything() } });
  expect(queries.events[0]!.cypher).toContain('MATCH');
  expect(queries.events[0]!.durationMs).toBeGreaterThan(0);
});

it('reports a stream once it has been read to the end', async () => {
  queries.clear();
  const names: string[] = [];
  for await (const person of Person.nodes.orderBy('name').stream()) names.push(person.name);

  expect(names).toEqual(['Ada', 'Alan']);
  expect(queries.events).toEqual([expect.objectContaining({ mode: 'READ', rows: 2 })]);
});

it('reports EXPLAIN with its keyword', async () => {
  queries.clear();
  await Person.nodes.filter({ name: 'Ada' }).explain();
  expect(queries.events[0]!.cypher.startsWith('EXPLAIN ')).toBe(true);
});
