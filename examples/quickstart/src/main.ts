// Placeholder demo until the OGM lands: writes and reads a few nodes through the driver.
import neo4j from 'neo4j-driver';

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  const driver = neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  );
  try {
    await driver.executeQuery('UNWIND $names AS name MERGE (:Person {name: name})', {
      names: ['Alice', 'Bob', 'Carol'],
    });
    const { records } = await driver.executeQuery(
      'MATCH (p:Person) RETURN p.name AS name ORDER BY name',
      {},
      { routing: 'READ' },
    );
    console.log('People in the graph:', records.map((r) => r.get('name')).join(', '));
  } finally {
    await driver.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
