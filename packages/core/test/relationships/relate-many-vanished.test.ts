// `Model.relateMany` on a field without cardinality bounds finds both ends by key without locking
// them, then MERGEs the pairs. A node deleted by another transaction in between must fail the whole
// call, never drop its pairs silently: nothing is written. Made deterministic by holding the delete
// open until the MERGE waits on the node's lock; Neo4j then fails the MERGE (EntityNotFound). A
// delete committed before the MERGE starts is caught by the statement's `reached` count instead
// (NodesNotFoundError naming the keys gone), a window no test can hold open.
import { QueryFailedError } from '../../src';
import { Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph } = useTestGraph();

const email = (name: string) => `${name}@example.com`;

beforeEach(async () => {
  await clearGraph(graph());
  await Person.createMany(['alice', 'bob', 'carol'].map((name) => ({ email: email(name), name })));
});

it('fails and writes nothing when a node found by key is deleted before its pair is written', async () => {
  // Another transaction deletes Bob and holds its locks, uncommitted: the lookup still sees Bob.
  const session = graph().driver.session();
  const deleting = await session.beginTransaction();
  await deleting.run('MATCH (p:Person {email: $email}) DETACH DELETE p', { email: email('bob') });
  const relating = Person.relateMany('friends', [
    { from: { email: email('alice') }, to: { email: email('carol') } },
    { from: { email: email('alice') }, to: { email: email('bob') } },
  ]);
  const outcome = relating.then(
    () => undefined,
    (error: unknown) => error,
  );
  // The lookup has found Bob (the delete is not committed) and the write waits on Bob's lock: now
  // the delete commits, and the write finds Bob gone.
  while (!(await mergeWaiting())) await new Promise((resolve) => setTimeout(resolve, 5));
  await deleting.commit();
  await session.close();

  const error = await outcome;
  expect(error).toBeInstanceOf(QueryFailedError);
  expect(String(error)).toContain('Neo.ClientError.Statement.EntityNotFound');
  const { records } = await graph().driver.executeQuery('MATCH ()-[k:KNOWS]->() RETURN count(k) AS n');
  expect(records[0]!.get('n').toNumber()).toBe(0);
});

/** Whether a relateMany MERGE is blocked on another transaction's lock. */
async function mergeWaiting(): Promise<boolean> {
  const { records } = await graph().driver.executeQuery(
    `SHOW TRANSACTIONS YIELD currentQuery, status
     WHERE currentQuery CONTAINS 'MERGE (a)-[r:KNOWS]->(b)' AND status STARTS WITH 'Blocked'
     RETURN count(*) AS n`,
  );
  return records[0]!.get('n').toNumber() > 0;
}
