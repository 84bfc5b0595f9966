// Adopting an existing database as a new user would: the packages are packed and installed from
// their tarballs into a scratch project outside the workspace (no workspace links), the movies
// data set is loaded with constraints made by hand, and the installed `cartograph` binary drives
// init, inspect, schema diff, generate, up, down, resolve, preconditions, a repeatable migration,
// validate and repair, plus the bad inputs a user meets, each with its exit code. Needs `pnpm build` first.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph } from '@cartograph/core';
import { installPacked, type PackedProject } from '../../testing/src/pack/install-packed';
import { connectTestGraph } from './support/database-schema';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const DATASETS = process.env.CARTOGRAPH_DATASETS ?? path.resolve(REPO_ROOT, '../shared/datasets');
const MOVIES = path.join(DATASETS, 'movies', 'movies.cypher');

// The one allowed skip: the shared data sets live outside the repository.
const maybe = existsSync(MOVIES) ? describe : describe.skip;
if (!existsSync(MOVIES))
  console.warn(`Skipping the adoption test: ${MOVIES} is missing (set CARTOGRAPH_DATASETS).`);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

maybe('adopting the movies database with the CLI installed from packed tarballs', () => {
  let project: PackedProject;
  let graph: Graph;
  const transcript: string[] = [];
  const env = () => ({
    NEO4J_URI: process.env.NEO4J_URI,
    NEO4J_USERNAME: process.env.NEO4J_USERNAME,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
    NO_COLOR: '1',
  });
  const cli = async (...args: string[]): Promise<Run> => {
    const bin = path.join(project.dir, 'node_modules', '.bin', 'cartograph');
    const result = await project.run(bin, args, { env: env(), timeoutMs: 120_000 });
    transcript.push(`$ cartograph ${args.join(' ')} -> ${result.code}\n${result.stdout}${result.stderr}`);
    return result;
  };
  const expectExit = (result: Run, code: number) => {
    if (result.code !== code)
      throw new Error(`expected exit ${code}, got ${result.code}\n${result.stdout}\n${result.stderr}`);
  };
  const cypher = (text: string) => graph.cypher(text);
  const names = async (): Promise<string[]> =>
    [
      ...(await cypher('SHOW CONSTRAINTS YIELD name RETURN name')),
      ...(await cypher("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")),
    ]
      .map((row) => String(row.name))
      .sort();
  const migrations = () =>
    readdirSync(path.join(project.dir, 'migrations')).filter((f) => f.endsWith('.cypher'));
  const file = (relative: string) => path.join(project.dir, relative);

  beforeAll(async () => {
    project = await installPacked();
    graph = await connectTestGraph();
    // The movies data set, with the constraint and index its authors create by hand (Neo4j names
    // them constraint_<hash> and index_<hash>), and a unique constraint on a property no node has.
    await cypher('CREATE CONSTRAINT FOR (p:Person) REQUIRE (p.name) IS UNIQUE');
    await cypher('CREATE INDEX FOR (p:Person) ON (p.born)');
    await cypher('CREATE CONSTRAINT FOR (m:Movie) REQUIRE (m.imdbId) IS UNIQUE');
    await cypher(readFileSync(MOVIES, 'utf8'));
  }, 6 * 60_000);

  afterAll(async () => {
    await graph?.close();
    project?.dispose();
    if (process.env.CARTOGRAPH_E2E_TRANSCRIPT)
      writeFileSync(process.env.CARTOGRAPH_E2E_TRANSCRIPT, transcript.join('\n'));
  });

  it('refuses to run without a config file (exit 2, naming the files searched)', async () => {
    for (const args of [
      ['migrate', 'status'],
      ['schema', 'diff'],
      ['schema', 'sync', '--drop', '--dry-run'],
    ]) {
      const result = await cli(...args);
      expectExit(result, 2);
      expect(result.stderr).toMatch(/No config file: looked for cartograph\.config\.ts/);
    }
    const generate = await cli('migrate', 'generate', 'x', '--drop');
    expectExit(generate, 2);
    expect(existsSync(file('migrations'))).toBe(false);
  });

  it('init, a baseline on the existing data, and inspect (which skips the bookkeeping)', async () => {
    expectExit(await cli('init'), 0);
    expectExit(await cli('migrate', 'baseline', '1'), 0);
    expectExit(await cli('inspect'), 0);
    const inspected = readdirSync(file('src/models/inspected'));
    expect(inspected).toEqual(expect.arrayContaining(['movie.ts', 'person.ts', 'index.ts']));
    expect(inspected.join(' ')).not.toMatch(/cartograph/i);
    expect(readFileSync(file('src/models/inspected/movie.ts'), 'utf8')).toMatch(
      /@StringProperty\(\{ unique: true, constraintName: 'constraint_[0-9a-f]+' \}\) imdbId\?: string;/,
    );
    // The generated code compiles under the tsconfig init wrote (CommonJS here) and under nodenext.
    expect(JSON.parse(readFileSync(file('tsconfig.json'), 'utf8')).compilerOptions).toMatchObject({
      module: 'commonjs',
      types: ['node'],
    });
    const tsc = path.join(project.dir, 'node_modules', '.bin', 'tsc');
    project.write(
      'tsconfig.nodenext.json',
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
        include: ['src/models/inspected/*.ts'],
      }),
    );
    for (const config of ['tsconfig.json', 'tsconfig.nodenext.json']) {
      const compiled = await project.run(tsc, ['--noEmit', '-p', config], { timeoutMs: 120_000 });
      expect(`${config}: ${compiled.code} ${compiled.stdout}`).toBe(`${config}: 0 `);
    }
  });

  it("refuses two Person classes (init's example and inspect's), naming both files", async () => {
    const result = await cli('schema', 'diff');
    expectExit(result, 2);
    expect(result.stderr).toContain(path.join('src', 'models', 'person.ts'));
    expect(result.stderr).toContain(path.join('src', 'models', 'inspected', 'person.ts'));
    rmSync(file('src/models/person.ts'));
  });

  it('is in sync after inspect, keeping the hand-made constraints by name without --drop', async () => {
    const before = await names();
    const diff = await cli('schema', 'diff', '--check', '--drop');
    expectExit(diff, 0);
    // inspect wrote constraintName / indexName, so they pair by name (unchanged), not adopted.
    expect(diff.stdout).not.toMatch(/adopted/);
    expect(diff.stdout).toMatch(/In sync\./);
    const generate = await cli('migrate', 'generate', 'nothing');
    expectExit(generate, 0);
    expect(generate.stdout).toMatch(/nothing to generate/);
    expect(await names()).toEqual(before);
  });

  it('generates, applies and reverts a model change', async () => {
    const movie = file('src/models/inspected/movie.ts');
    writeFileSync(
      movie,
      readFileSync(movie, 'utf8').replace(
        /@StringProperty\(\) tagline/,
        "@StringProperty({ index: 'text' }) tagline",
      ),
    );
    expectExit(await cli('schema', 'diff', '--check'), 1);
    expectExit(await cli('migrate', 'generate', 'movie tagline text'), 0);
    expect(migrations()).toHaveLength(2);
    const version = migrations()
      .find((f) => !f.includes('.down.'))!
      .split('_')[0]!;
    const shown = await cli('migrate', 'show', version);
    expectExit(shown, 0);
    expect(shown.stdout).toMatch(/up:\nCREATE TEXT INDEX movie_tagline_text/);
    expectExit(await cli('migrate', 'show', '123'), 2);
    expectExit(await cli('migrate', 'up'), 0);
    expect(await names()).toContain('movie_tagline_text');
    expectExit(await cli('schema', 'diff', '--check', '--drop'), 0);
    expectExit(await cli('migrate', 'down'), 0);
    expect(await names()).not.toContain('movie_tagline_text');
    expectExit(await cli('migrate', 'up'), 0);
  });

  it('fails generate on a conflict, like schema diff --check, and says what to do', async () => {
    await cypher('DROP INDEX movie_tagline_text');
    await cypher('CREATE INDEX movie_tagline_text FOR (m:Movie) ON (m.tagline)');
    expectExit(await cli('schema', 'diff', '--check'), 1);
    const generate = await cli('migrate', 'generate', 'conflicting');
    expectExit(generate, 1);
    expect(generate.stderr).toMatch(/conflict.*--drop/s);
    await cypher('DROP INDEX movie_tagline_text');
    await cypher('CREATE TEXT INDEX movie_tagline_text FOR (m:Movie) ON (m.tagline)');
  });

  it('skips a migration whose precondition does not hold, and resolve marks it without running it', async () => {
    project.write(
      'migrations/90000000000001_enterprise_only.cypher',
      "// @precondition skip edition is enterprise\nCREATE (:Genre {name: 'Enterprise'});\n",
    );
    const up = await cli('migrate', 'up');
    expectExit(up, 0);
    expect(up.stdout).toMatch(/Skipped 90000000000001_enterprise_only/);
    expectExit(await cli('migrate', 'resolve', '--applied', '90000000000001'), 0);
    expect(await cypher('MATCH (g:Genre) RETURN g')).toEqual([]);
    const status = await cli('migrate', 'status', '--json');
    expect(JSON.parse(status.stdout)).toEqual(
      expect.objectContaining({
        migrations: expect.arrayContaining([
          expect.objectContaining({ version: '90000000000001', state: 'applied' }),
        ]),
      }),
    );
    expectExit(await cli('migrate', 'resolve', '--rolled-back', '90000000000001'), 0);
    expectExit(await cli('migrate', 'resolve', '--applied', '1234'), 4);
    rmSync(file('migrations/90000000000001_enterprise_only.cypher'));

    // A file older than the newest applied migration (from a merged branch, say) is refused.
    project.write('migrations/2_from_a_branch.cypher', "CREATE (:Genre {name: 'Branch'});\n");
    project.write('migrations/2_from_a_branch.down.cypher', "MATCH (g:Genre {name: 'Branch'}) DELETE g;\n");
    const late = await cli('migrate', 'up');
    expectExit(late, 4);
    expect(late.stderr).toMatch(/older than the newest applied one.*--out-of-order/s);
    expectExit(await cli('migrate', 'up', '--out-of-order'), 0);
  });

  it('tells the truth on recovery: failed statement position, committed steps, empty downs, unknown versions', async () => {
    project.write(
      'migrations/90000000000002_half.cypher',
      'CREATE CONSTRAINT genre_name IF NOT EXISTS FOR (g:Genre) REQUIRE g.name IS UNIQUE;\n\nMATCH (g:Genre)\nRETURN g LIMT 1;\n',
    );
    project.write('migrations/90000000000002_half.down.cypher', 'DROP CONSTRAINT genre_name IF EXISTS;\n');
    const failed = await cli('migrate', 'up');
    expectExit(failed, 4);
    expect(failed.stderr).toMatch(/90000000000002_half\.cypher:4:\d+/);
    expect(failed.stderr).toContain('1. CREATE CONSTRAINT genre_name');
    const down = await cli('migrate', 'down');
    expectExit(down, 0);
    expect(down.stdout).toContain('90000000000002');
    expect(await names()).not.toContain('genre_name');
    rmSync(file('migrations/90000000000002_half.cypher'));
    rmSync(file('migrations/90000000000002_half.down.cypher'));

    const created = await cli('migrate', 'create', 'add genre', '--cypher', '--json');
    expectExit(created, 0);
    const up = JSON.parse(created.stdout).file as string;
    writeFileSync(up, "CREATE (:Genre {name: 'Noir'});\n");
    expectExit(await cli('migrate', 'up'), 0);
    const empty = await cli('migrate', 'down');
    expectExit(empty, 4);
    expect(empty.stderr).toMatch(/--allow-empty-down/);
    expectExit(await cli('migrate', 'down', '--to', '123'), 2);
    expectExit(await cli('migrate', 'down', '--allow-empty-down'), 0);
    rmSync(up);
    rmSync(up.replace(/\.cypher$/, '.down.cypher'));
  });

  it('validate catches a tampered file, repair accepts it', async () => {
    expectExit(await cli('migrate', 'validate'), 0);
    const generated = path.join(project.dir, 'migrations', migrations().find((f) => !f.includes('.down.'))!);
    writeFileSync(generated, `${readFileSync(generated, 'utf8')}// edited\n`);
    expectExit(await cli('migrate', 'validate'), 1);
    expectExit(await cli('migrate', 'repair'), 0);
    expectExit(await cli('migrate', 'validate'), 0);
  });

  it('runs a repeatable migration after the versioned ones, and again only when its file changes', async () => {
    const repeatable = file('migrations/R__movie_stats.cypher');
    const statement =
      "MATCH (m:Movie) WITH count(m) AS movies MERGE (s:MovieStats {name: 'all'}) SET s.movies = movies, s.runs = coalesce(s.runs, 0) + 1;\n";
    const runs = async () =>
      (await cypher("MATCH (s:MovieStats {name: 'all'}) RETURN s.runs AS runs"))[0]?.runs;
    writeFileSync(repeatable, statement);
    expectExit(await cli('migrate', 'up'), 0);
    expect(await runs()).toBe(1);
    expectExit(await cli('migrate', 'up'), 0);
    expect(await runs()).toBe(1);

    writeFileSync(repeatable, `// counts every movie\n${statement}`);
    const status = await cli('migrate', 'status');
    expectExit(status, 0);
    expect(status.stdout).toMatch(/movie_stats[^\n]*repeatable: outdated/);
    expectExit(await cli('migrate', 'up'), 0);
    expect(await runs()).toBe(2);
    expectExit(await cli('migrate', 'validate'), 0);
  });

  it('refuses drops from an empty model set', async () => {
    writeFileSync(file('src/models/inspected/index.ts'), '// nothing\n');
    for (const f of readdirSync(file('src/models/inspected')))
      if (f !== 'index.ts') rmSync(file(`src/models/inspected/${f}`));
    const result = await cli('schema', 'sync', '--drop', '--dry-run');
    expectExit(result, 2);
    expect(result.stderr).toMatch(/Refusing to plan drops from an empty model set/);
    expect(await names()).toContain('movie_tagline_text');
  });

  it('clean asks first: refused without a terminal unless --yes', async () => {
    const refused = await cli('migrate', 'clean');
    expectExit(refused, 2);
    expect(refused.stderr).toMatch(/--yes/);
    expectExit(await cli('migrate', 'clean', '--yes'), 0);
    expect(await cypher('MATCH (m:__CartographMigration) RETURN m')).toEqual([]);
  });
});
