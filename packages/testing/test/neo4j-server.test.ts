import neo4j from 'neo4j-driver';
import { connectTestDriver, resetDatabase } from '../src';

describe('the Neo4j server started for the test run', () => {
  const driver = connectTestDriver();
  afterAll(() => driver.close());

  it('writes a node over Bolt and reads it back in another session', async () => {
    await driver.executeQuery('CREATE (:Person {name: $name, born: $born})', {
      name: 'Ada Lovelace',
      born: neo4j.int(1815),
    });
    const { records } = await driver.executeQuery('MATCH (p:Person {name: $name}) RETURN p.born AS born', {
      name: 'Ada Lovelace',
    });
    expect(records.map((record) => record.get('born').toNumber())).toEqual([1815]);
  });

  it('resets a database to no data and no schema', async () => {
    await driver.executeQuery(
      'CREATE CONSTRAINT company_name IF NOT EXISTS FOR (c:Company) REQUIRE c.name IS UNIQUE',
    );
    await driver.executeQuery('CREATE (:Company {name: $name})-[:EMPLOYS]->(:Person)', { name: 'Acme' });

    await resetDatabase(driver);

    const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes');
    const constraints = await driver.executeQuery('SHOW CONSTRAINTS YIELD name');
    expect(records[0]?.get('nodes').toNumber()).toBe(0);
    expect(constraints.records).toHaveLength(0);
  });

  it('is a Neo4j 5 or calendar-versioned (2025+) server', async () => {
    const info = await driver.getServerInfo();
    expect(info.agent).toMatch(/^Neo4j\/(5|20[2-9][0-9])\./);
  });
});
