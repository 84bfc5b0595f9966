import { CartographError, Graph, type QueryEvent } from '@cartograph/core';
import { neo4jSettingsFromEnv } from '@cartograph/testing';
import { StepRunner } from '../src/run/step-runner';

// Migration steps run through the graph's executor: logged once and failing with typed errors.
describe('StepRunner', () => {
  const settings = neo4jSettingsFromEnv();
  const events: QueryEvent[] = [];
  let graph: Graph;

  beforeAll(async () => {
    graph = await Graph.connect({
      url: settings.uri,
      auth: { username: settings.username, password: settings.password },
      default: false,
      logger: (event) => events.push(event),
    });
  });
  afterAll(() => graph.close());
  beforeEach(() => events.splice(0, events.length));

  const failing = 'UNWIND [1, 0] AS d RETURN 10 / d AS x';

  it('logs a failing statement in the transaction once and raises a typed error', async () => {
    const runner = new StepRunner(graph, () => undefined);
    try {
      const error = await runner.inTransaction({ cypher: failing }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(CartographError);
      expect(error).toMatchObject({ code: 'QUERY_FAILED' });
      expect(events.filter((event) => event.cypher === failing)).toEqual([
        expect.objectContaining({ error: expect.any(CartographError) }),
      ]);
    } finally {
      await runner.close();
    }
  });

  it('logs a failing auto-commit statement once and raises a typed error', async () => {
    const runner = new StepRunner(graph, () => undefined);
    try {
      const error = await runner.autoCommit({ cypher: failing }).catch((caught: unknown) => caught);

      expect(error).toMatchObject({ code: 'QUERY_FAILED' });
      expect(events.filter((event) => event.cypher === failing)).toHaveLength(1);
    } finally {
      await runner.close();
    }
  });

  it('streams the rows of an auto-commit statement and reports its summary', async () => {
    const runner = new StepRunner(graph, (cypher, summary) => expect(summary.query.text).toBe(cypher));
    const rows: unknown[] = [];
    try {
      await runner.autoCommit({ cypher: 'UNWIND [1, 2, 3] AS x RETURN x' }, (row) => rows.push(row));
    } finally {
      await runner.close();
    }
    expect(rows).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    expect(events).toHaveLength(1);
  });
});
