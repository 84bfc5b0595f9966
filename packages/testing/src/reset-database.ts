import type { Driver } from 'neo4j-driver';

export interface ResetOptions {
  /** Also drop every constraint and index; default true, since schema tests create them. */
  schema?: boolean;
  database?: string;
}

/** Empties a database between test files: all nodes and relationships, and by default its schema. */
export async function resetDatabase(driver: Driver, options: ResetOptions = {}): Promise<void> {
  const session = driver.session({ database: options.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    if (options.schema ?? true) {
      const constraints = await session.run('SHOW CONSTRAINTS YIELD name');
      for (const record of constraints.records) {
        await session.run(`DROP CONSTRAINT ${quote(record.get('name'))} IF EXISTS`);
      }
      const indexes = await session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name");
      for (const record of indexes.records) {
        await session.run(`DROP INDEX ${quote(record.get('name'))} IF EXISTS`);
      }
    }
  } finally {
    await session.close();
  }
}

/** Schema names come from the server itself; quoting keeps odd names (spaces, dashes) valid. */
function quote(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}
