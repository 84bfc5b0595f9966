// Every test file that talks to Neo4j starts from an empty database (data and schema), because all
// files share the one server that global setup started.
import { resetDatabase } from '../reset-database';
import { connectTestDriver } from '../test-driver';

beforeAll(async () => {
  const driver = connectTestDriver();
  try {
    await resetDatabase(driver);
  } finally {
    await driver.close();
  }
});
