import neo4j from 'neo4j-driver';
import { type MavenRunningNeo4j, startMavenNeo4j } from '../src';

// A server of its own (small memory), so that killing it leaves the run's shared server alone.
describe('a Maven-started Neo4j killed with SIGKILL', () => {
  let server: MavenRunningNeo4j | undefined;
  afterAll(() => server?.stop());

  it('restarts on its own data, port and password, with every committed write recovered', async () => {
    server = await startMavenNeo4j({ heap: '512m', pageCacheMiB: 64, log: () => {} });
    const auth = neo4j.auth.basic(server.username, server.password);
    const before = neo4j.driver(server.uri, auth);
    await before.executeQuery('UNWIND range(1, 500) AS i CREATE (:Invoice {number: i})');
    await before.close();

    await server.kill();
    server = await server.restart();

    const after = neo4j.driver(server.uri, auth);
    const { records } = await after.executeQuery('MATCH (i:Invoice) RETURN count(i) AS n');
    await after.close();
    expect(records[0]!.get('n').toNumber()).toBe(500);
  });
});
