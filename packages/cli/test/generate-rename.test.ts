// `migrate generate --rename` in-process against the real Neo4j: the model renamed RenMovie.name
// to title; without the flag generate names the likely rename, with it the .ts migration moves the
// data and the unique constraint instead of dropping one and adding the other.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Graph, Node, NodeEntity, StringProperty } from '@cartograph/core';
import { runCli } from '../src/main';
import { captureIO } from './support/capture-io';
import { connectTestGraph } from './support/database-schema';

@Node()
class RenMovie extends NodeEntity {
  @StringProperty({ unique: true }) title?: string;
}

// Adopted from a database whose constraint has its own name: the model keeps it.
@Node()
class RenShelf extends NodeEntity {
  @StringProperty({ unique: true, constraintName: 'ren_shelf_code' }) code?: string;
}

describe('migrate generate --rename', () => {
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
  const files = () => readdirSync(path.join(dir, 'migrations')).sort();
  const constraintNames = async () =>
    (await graph.cypher('SHOW CONSTRAINTS YIELD name RETURN name', {}, { mode: 'READ' })).map((r) =>
      String(r.name),
    );

  beforeAll(async () => {
    expect(RenMovie.name).toBe('RenMovie');
    expect(RenShelf.name).toBe('RenShelf');
    dir = mkdtempSync(path.join(os.tmpdir(), 'cartograph-rename-'));
    writeFileSync(
      path.join(dir, 'cartograph.config.ts'),
      "export default { migrationsDir: 'migrations' };\n",
    );
    mkdirSync(path.join(dir, 'migrations'));
    graph = await connectTestGraph();
    await graph.cypher('MATCH (n) DETACH DELETE n');
    await graph.cypher(
      'CREATE CONSTRAINT ren_movie_name_unique IF NOT EXISTS FOR (m:RenMovie) REQUIRE m.name IS UNIQUE',
    );
    await graph.cypher(
      'CREATE CONSTRAINT ren_shelf_code IF NOT EXISTS FOR (s:RenShelf) REQUIRE s.code IS UNIQUE',
    );
    await graph.cypher("CREATE (:RenMovie {name: 'Heat'}), (:RenMovie {name: 'Ronin'})");
  });
  afterAll(async () => {
    for (const name of await constraintNames())
      if (/^ren_?movie/.test(name)) await graph.cypher(`DROP CONSTRAINT ${name} IF EXISTS`);
    await graph.cypher('MATCH (n) DETACH DELETE n');
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a model that names its constraint matches it by that name (unchanged, not adopted)', async () => {
    const diff = await cli('schema', 'diff', '--json');
    const body = JSON.parse(diff.stdout) as { unchanged: { name: string }[]; adopted: unknown[] };
    expect(body.unchanged.map((item) => item.name)).toContain('ren_shelf_code');
    expect(body.adopted).toEqual([]);
  });

  it('hints at the rename without the flag', async () => {
    const plain = await cli('migrate', 'generate', 'title');
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/--rename RenMovie\.name:title/);
    for (const file of files()) rmSync(path.join(dir, 'migrations', file));
  });

  it('writes a .ts migration that moves data and constraint; up applies it, down reverts it', async () => {
    const generated = await cli(
      'migrate',
      'generate',
      'rename movie name',
      '--rename',
      'RenMovie.name:title',
    );
    expect(generated.code).toBe(0);
    const [file] = files();
    expect(file).toMatch(/^\d+_rename_movie_name\.ts$/);
    const source = readFileSync(path.join(dir, 'migrations', file!), 'utf8');
    expect(source).toContain('await ctx.renameProperty("RenMovie", "name", "title");');
    expect(source).toMatch(/DROP CONSTRAINT `?ren_movie_name_unique/);

    expect((await cli('migrate', 'up')).code).toBe(0);
    const titles = await graph.cypher(
      'MATCH (m:RenMovie) RETURN m.title AS title, m.name AS name ORDER BY title',
    );
    expect(titles).toEqual([
      { title: 'Heat', name: null },
      { title: 'Ronin', name: null },
    ]);
    const names = await constraintNames();
    expect(names).not.toContain('ren_movie_name_unique');
    expect(names).toContain('renmovie_title_unique');
    expect((await cli('schema', 'diff', '--check')).code).toBe(0);

    expect((await cli('migrate', 'down')).code).toBe(0);
    expect(await constraintNames()).toContain('ren_movie_name_unique');
    expect(await graph.cypher('MATCH (m:RenMovie) WHERE m.name IS NOT NULL RETURN count(m) AS n')).toEqual([
      { n: 2 },
    ]);
  });
});
