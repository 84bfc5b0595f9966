import { inspect } from 'node:util';
import { Neo4jError } from 'neo4j-driver';
import { CartographError, type QueryEvent, QueryFailedError } from '../../src';
import { explainQuery } from '../../src/query/inspect';
import { Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

// Every route to Neo4j goes through one executor: each failing query is logged once, with the
// typed error, and reaches the caller as a CartographError (never a raw driver error).
const { graph, queries } = useTestGraph();

const DIVIDES_BY_ZERO = 'UNWIND [1, 0] AS d RETURN 10 / d AS x';

beforeAll(() => graph().installSchema());

beforeEach(async () => {
  await clearGraph(graph());
  queries.clear();
});

/** The one logged event of the failed query, checked to carry the typed error. */
function loggedFailure(cypher: string): QueryEvent {
  const events = queries.events.filter((event) => event.cypher.includes(cypher));
  expect(events).toHaveLength(1);
  expect(events[0]!.error).toBeInstanceOf(CartographError);
  return events[0]!;
}

function expectTyped(error: unknown, code = 'QUERY_FAILED'): void {
  expect(error).toBeInstanceOf(CartographError);
  expect(error).not.toBeInstanceOf(Neo4jError);
  expect(error).toMatchObject({ code });
}

it('graph.cypher: a failing query is logged once and raises QueryFailedError', async () => {
  const error = await graph()
    .cypher(DIVIDES_BY_ZERO)
    .catch((caught: unknown) => caught);

  expectTyped(error);
  expect(error).toBeInstanceOf(QueryFailedError);
  loggedFailure(DIVIDES_BY_ZERO);
});

it('writeTransaction: a failing query is not retried, logged once, and raises a typed error', async () => {
  const error = await graph()
    .writeTransaction((tx) => tx.run(DIVIDES_BY_ZERO))
    .catch((caught: unknown) => caught);

  expectTyped(error);
  loggedFailure(DIVIDES_BY_ZERO);
});

it('stream: a query failing midway is logged once and raises a typed error', async () => {
  const error = await (async () => {
    for await (const row of graph().stream({ cypher: DIVIDES_BY_ZERO, params: {} }, (r) => r.get('x')))
      expect(row).toBeDefined();
  })().catch((caught: unknown) => caught);

  expectTyped(error);
  loggedFailure(DIVIDES_BY_ZERO);
});

it('explain: a query the server cannot plan is logged once and raises a typed error', async () => {
  const broken = 'MATCH (p:Person RETURN p';

  const error = await explainQuery({ cypher: broken, params: {} }, 'EXPLAIN', graph()).catch(
    (caught: unknown) => caught,
  );

  expectTyped(error);
  expect(loggedFailure(broken).cypher).toBe(`EXPLAIN ${broken}`);
});

it('explicit transaction: run and commit after a failure raise typed errors, and nothing is kept', async () => {
  const tx = await graph().beginTransaction();
  await tx.within(() => Person.create({ email: 'kept@example.com', name: 'Kept?' }));

  const runError = await tx.run(DIVIDES_BY_ZERO).catch((caught: unknown) => caught);
  const commitError = await tx.commit().catch((caught: unknown) => caught);

  expectTyped(runError);
  expect(commitError).toBeInstanceOf(CartographError);
  expect(commitError).not.toBeInstanceOf(Neo4jError);
  loggedFailure(DIVIDES_BY_ZERO);
  expect(await Person.nodes.count()).toBe(0);
});

it('explicit transaction: a second commit raises TransactionClosedError', async () => {
  const tx = await graph().beginTransaction();
  await tx.commit();

  await expect(tx.commit()).rejects.toMatchObject({ code: 'TRANSACTION_CLOSED' });
});

it('auto-commit statements: a failing one is logged once and raises a typed error', async () => {
  const error = await graph()
    .autoCommit({ cypher: DIVIDES_BY_ZERO, params: {} }, 'WRITE', () => undefined)
    .catch((caught: unknown) => caught);

  expectTyped(error);
  loggedFailure(DIVIDES_BY_ZERO);
});

it('model writes: a unique violation raises UniquePropertyError and is logged once', async () => {
  await Person.create({ email: 'twice@example.com', name: 'First' });
  queries.clear();

  const error = await Person.create({ email: 'twice@example.com', name: 'Second' }).catch(
    (caught: unknown) => caught,
  );

  expectTyped(error, 'UNIQUE_PROPERTY');
  expect(queries.events.filter((event) => event.error !== undefined)).toHaveLength(1);
});

// Redaction happens inside the executor, so every route masks the secret values a server message
// quotes (here: the text datetime() cannot parse), in the thrown error and in the logged event.
describe('secret values in server errors, on every route', () => {
  const SECRET = 'hunter2-Zq9';
  const QUOTES_VALUE = 'RETURN datetime($code) AS d';
  /** `code` is not a secret-looking name: only the query's `sensitive` list marks it. */
  const query = { cypher: QUOTES_VALUE, params: { code: SECRET }, sensitive: ['code'] };

  function expectMasked(error: unknown): void {
    expectTyped(error);
    const thrown = inspect(error, { depth: 12 });
    expect(thrown).toContain('***');
    expect(thrown).not.toContain(SECRET);
    const logged = loggedFailure(QUOTES_VALUE);
    expect(inspect(logged, { depth: 12 })).not.toContain(SECRET);
    expect(logged.params).toEqual({ code: '***' });
  }

  it('run (managed transaction)', async () => {
    expectMasked(
      await graph()
        .run(query, 'READ', (record) => record.get('d'))
        .catch((caught: unknown) => caught),
    );
  });

  it('stream', async () => {
    const error = await (async () => {
      for await (const row of graph().stream(query, (record) => record.get('d'))) expect(row).toBeDefined();
    })().catch((caught: unknown) => caught);

    expectMasked(error);
  });

  it('auto-commit', async () => {
    expectMasked(
      await graph()
        .autoCommit(query, 'READ', () => undefined)
        .catch((caught: unknown) => caught),
    );
  });

  it('PROFILE (summarize)', async () => {
    const error = await explainQuery(query, 'PROFILE', graph()).catch((caught: unknown) => caught);

    expectTyped(error);
    expect(inspect(error, { depth: 12 })).not.toContain(SECRET);
    const logged = queries.events.filter((event) => event.cypher === `PROFILE ${QUOTES_VALUE}`);
    expect(logged).toHaveLength(1);
    expect(inspect(logged[0], { depth: 12 })).not.toContain(SECRET);
    expect(logged[0]!.params).toEqual({ code: '***' });
  });

  it('explicit transaction (raw Cypher: a secret-looking parameter name is masked)', async () => {
    const tx = await graph().beginTransaction('READ');
    const error = await tx
      .run('RETURN datetime($password) AS d', { password: SECRET })
      .catch((caught: unknown) => caught);
    await tx.rollback();

    expectTyped(error);
    expect(inspect(error, { depth: 12 })).not.toContain(SECRET);
    const logged = queries.events.filter((event) => event.cypher.includes('datetime($password)'));
    expect(logged).toHaveLength(1);
    expect(inspect(logged[0], { depth: 12 })).not.toContain(SECRET);
  });
});
