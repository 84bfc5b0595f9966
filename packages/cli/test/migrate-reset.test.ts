// `migrate reset` in-process against the real Neo4j: refused without --yes off a terminal (exit 2),
// then wipes history and data, and with --schema the constraints and indexes too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '@cartograph/core';
import { runCli } from '../src/main';
import { captureIO } from './support/capture-io';
import { connectTestGraph } from './support/database-schema';

describe('migrate reset', () => {
  let dir: string;
  let graph: Graph;
  const cli = async (...args: string[]) => {
    const out = captureIO({
      cwd: dir,
      env: {
        NEO4J_URI: process.env.NEO4J_URI,
        NEO4J_USERNAME: process.env.NEO4J_USERNAME,
        NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
      },
    });
    const code = await runCli(args, out.io);
    return { code, stdout: out.stdout(), stderr: out.stderr() };
  };
  const schemaNames = async (g: Graph) =>
    [
      ...(await g.cypher('SHOW CONSTRAINTS YIELD name RETURN name', {}, { mode: 'READ' })),
      ...(await g.cypher('SHOW INDEXES YIELD name RETURN name', {}, { mode: 'READ' })),
    ].map((row) => String(row.name));
  const count = async (cypher: string) => Number((await graph.cypher(cypher))[0]?.n ?? -1);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cartograph-reset-'));
    writeFileSync(
      path.join(dir, 'cartograph.config.ts'),
      "export default { migrationsDir: 'migrations' };\n",
    );
    mkdirSync(path.join(dir, 'migrations'));
    writeFileSync(
      path.join(dir, 'migrations', '20240101000000_shop.cypher'),
      'CREATE CONSTRAINT reset_product_sku IF NOT EXISTS FOR (p:ResetProduct) REQUIRE p.sku IS UNIQUE;\n' +
        'CREATE INDEX reset_product_name IF NOT EXISTS FOR (p:ResetProduct) ON (p.name);\n' +
        "CREATE (:ResetProduct {sku: 'a', name: 'Anvil'})-[:IN]->(:ResetShelf {id: 1});\n",
    );
    graph = await connectTestGraph();
    await graph.cypher('MATCH (n) DETACH DELETE n');
  });
  afterAll(async () => {
    await graph.cypher('DROP CONSTRAINT reset_product_sku IF EXISTS');
    await graph.cypher('DROP INDEX reset_product_name IF EXISTS');
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses without --yes off a terminal, then wipes history and data but keeps the schema', async () => {
    expect((await cli('migrate', 'up')).code).toBe(0);
    const refused = await cli('migrate', 'reset');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    expect(await count('MATCH (p:ResetProduct) RETURN count(p) AS n')).toBe(1);

    const reset = await cli('migrate', 'reset', '--yes', '--json');
    expect(reset.code).toBe(0);
    expect(JSON.parse(reset.stdout)).toMatchObject({ records: 1, nodes: 2, dropped: [] });
    expect(await count('MATCH (n) WHERE NOT n:__CartographMigrationLock RETURN count(n) AS n')).toBe(0);
    expect(await schemaNames(graph)).toEqual(
      expect.arrayContaining(['reset_product_sku', 'reset_product_name']),
    );
  });

  it('with --schema also drops constraints and indexes, keeping the bookkeeping ones; up rebuilds', async () => {
    expect((await cli('migrate', 'up')).code).toBe(0);
    const reset = await cli('migrate', 'reset', '--schema', '--yes', '--json');
    expect(reset.code).toBe(0);
    expect(JSON.parse(reset.stdout).dropped).toEqual(
      expect.arrayContaining(['reset_product_sku', 'reset_product_name']),
    );
    const names = await schemaNames(graph);
    expect(names).not.toContain('reset_product_sku');
    expect(names).not.toContain('reset_product_name');
    expect(names).toContain('cartograph_migration_version_unique');
    expect((await cli('migrate', 'up')).code).toBe(0);
    expect(await count('MATCH (p:ResetProduct) RETURN count(p) AS n')).toBe(1);
  });
});
