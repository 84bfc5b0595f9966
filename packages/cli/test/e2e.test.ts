// Drives the real `cartograph` binary, as a user would, through a schema's life: init, models,
// diff, generate, up, change the models, generate, up, status, down, validate. After each step the
// database's constraints and indexes are read back with the driver.
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph } from '@cartograph/core';
import { connectTestGraph, schemaNames } from './support/database-schema';
import { createTempProject, type ProcessResult, runBin } from './support/run-bin';

const MODELS_V1 = `import { IntegerProperty, Node, NodeEntity, type RelationshipManager, RelationshipTo, StringProperty } from '@cartograph/core';

@Node()
export class Person extends NodeEntity {
  @StringProperty({ unique: true, required: true }) name!: string;
  @IntegerProperty({ index: true }) born?: number;
  @RelationshipTo(() => Movie, 'ACTED_IN') actedIn!: RelationshipManager<Movie>;
}

@Node()
export class Movie extends NodeEntity {
  @StringProperty({ unique: true, required: true }) title!: string;
  @IntegerProperty() released?: number;
}
`;

// v2: Person.born loses its index; Movie gains a range index and a text index.
const MODELS_V2 = MODELS_V1.replace('@IntegerProperty({ index: true }) born', '@IntegerProperty() born')
  .replace('@IntegerProperty() released', '@IntegerProperty({ index: true }) released')
  .replace(
    '  @IntegerProperty({ index: true }) released?: number;\n',
    "  @IntegerProperty({ index: true }) released?: number;\n  @StringProperty({ index: 'text' }) tagline?: string;\n",
  );

const V1 = { constraints: ['movie_title_unique', 'person_name_unique'], indexes: ['person_born_range'] };
const V2 = {
  constraints: ['movie_title_unique', 'person_name_unique'],
  indexes: ['movie_released_range', 'movie_tagline_text'],
};
const EMPTY = { constraints: [], indexes: [] };

describe('cartograph end to end (real binary, real Neo4j)', () => {
  let project: string;
  let graph: Graph;
  const outputs: string[] = [];
  const cli = async (...args: string[]): Promise<ProcessResult> => {
    const result = await runBin(args, project);
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const json = <T>(result: ProcessResult): T => JSON.parse(result.stdout) as T;
  const migrationFiles = () =>
    readdirSync(path.join(project, 'migrations'))
      .filter((f) => f.endsWith('.cypher'))
      .sort();

  beforeAll(async () => {
    project = createTempProject('cartograph-e2e-');
    graph = await connectTestGraph();
  });
  afterAll(async () => {
    await graph.close();
    rmSync(project, { recursive: true, force: true });
  });

  it('init writes the config, the migrations folder, an example model and a tsconfig', async () => {
    const result = await cli('init');
    expect(result.code).toBe(0);
    for (const file of ['cartograph.config.ts', 'migrations', 'src/models/person.ts', 'tsconfig.json']) {
      expect(existsSync(path.join(project, file))).toBe(true);
    }
    expect((await cli('init')).code).toBe(2);
    writeFileSync(path.join(project, 'src', 'models', 'person.ts'), MODELS_V1);
    expect(await schemaNames(graph)).toEqual(EMPTY);
  });

  it('schema diff shows what the models need; --check fails until the database has it', async () => {
    const diff = await cli('schema', 'diff', '--json');
    expect(diff.code).toBe(0);
    const body = json<{ inSync: boolean; toCreate: Array<{ name: string }>; statements: string[] }>(diff);
    expect(body.inSync).toBe(false);
    expect(body.toCreate.map((item) => item.name).sort()).toEqual([...V1.constraints, ...V1.indexes].sort());
    expect(body.statements).toHaveLength(3);
    expect((await cli('schema', 'diff', '--check')).code).toBe(1);
    expect(await schemaNames(graph)).toEqual(EMPTY);
  });

  it('migrate generate writes the migration and its inverse, without touching the database', async () => {
    const result = await cli('migrate', 'generate', 'initial schema');
    expect(result.code).toBe(0);
    expect(migrationFiles()).toEqual([
      expect.stringMatching(/^\d+_initial_schema\.cypher$/),
      expect.stringMatching(/^\d+_initial_schema\.down\.cypher$/),
    ]);
    const down = readFileSync(path.join(project, 'migrations', migrationFiles()[1]!), 'utf8');
    expect(down).toContain('DROP CONSTRAINT person_name_unique IF EXISTS');
    expect(await schemaNames(graph)).toEqual(EMPTY);
  });

  it('migrate up applies it', async () => {
    const dryRun = await cli('migrate', 'up', '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain('CREATE CONSTRAINT person_name_unique IF NOT EXISTS');
    expect(await schemaNames(graph)).toEqual(EMPTY);
    const up = await cli('migrate', 'up');
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('Applied 1 migration(s).');
    expect(await schemaNames(graph)).toEqual(V1);
    expect((await cli('schema', 'diff', '--check')).code).toBe(0);
  });

  it('a changed model gives a second migration (with --drop for the removed index), and up applies it', async () => {
    writeFileSync(path.join(project, 'src', 'models', 'person.ts'), MODELS_V2);
    const generated = await cli('migrate', 'generate', 'movie indexes', '--drop', '--json');
    expect(generated.code).toBe(0);
    const body = json<{ file: string; statements: string[]; downStatements: string[] }>(generated);
    expect(body.statements).toEqual(expect.arrayContaining(['DROP INDEX person_born_range IF EXISTS']));
    expect(body.downStatements).toEqual(
      expect.arrayContaining([expect.stringContaining('CREATE INDEX person_born_range')]),
    );
    expect(migrationFiles()).toHaveLength(4);
    expect(await schemaNames(graph)).toEqual(V1);
    expect((await cli('migrate', 'up')).code).toBe(0);
    expect(await schemaNames(graph)).toEqual(V2);
  });

  it('migrate status lists both as applied', async () => {
    const status = await cli('migrate', 'status', '--json');
    expect(status.code).toBe(0);
    const { migrations } = json<{ migrations: Array<{ name: string; state: string; appliedBy?: string }> }>(
      status,
    );
    expect(migrations.map((m) => [m.name, m.state])).toEqual([
      ['initial_schema', 'applied'],
      ['movie_indexes', 'applied'],
    ]);
    expect((await cli('migrate', 'status')).stdout).toMatch(/initial_schema\s+applied/);
    expect(await schemaNames(graph)).toEqual(V2);
  });

  it('migrate down reverts the last one, restoring the first schema', async () => {
    const down = await cli('migrate', 'down');
    expect(down.code).toBe(0);
    expect(down.stdout).toContain('Reverted 1 migration(s).');
    expect(await schemaNames(graph)).toEqual(V1);
    const { migrations } = json<{ migrations: Array<{ state: string }> }>(
      await cli('migrate', 'status', '--json'),
    );
    expect(migrations.map((m) => m.state)).toEqual(['applied', 'pending']);
  });

  it('migrate validate passes, fails with --strict on the pending one, and fails on an edited applied file', async () => {
    expect((await cli('migrate', 'validate')).code).toBe(0);
    expect((await cli('migrate', 'validate', '--strict')).code).toBe(1);
    const applied = path.join(project, 'migrations', migrationFiles()[0]!);
    const original = readFileSync(applied, 'utf8');
    appendFileSync(applied, '// an edit after the fact\n');
    const invalid = await cli('migrate', 'validate', '--json');
    expect(invalid.code).toBe(1);
    const report = json<{ ok: boolean; problems: string[] }>(invalid);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain('changed after it was applied');
    writeFileSync(applied, original);
    expect((await cli('migrate', 'validate')).code).toBe(0);
    expect(await schemaNames(graph)).toEqual(V1);
  });

  it('never printed the password, and a wrong URI is a connection error (exit 3) that does not either', async () => {
    const wrong = await runBin(['migrate', 'status'], project, { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('Cannot connect to Neo4j');
    outputs.push(wrong.stdout, wrong.stderr);
    const password = process.env.NEO4J_PASSWORD!;
    expect(password.length).toBeGreaterThan(0);
    for (const text of outputs) expect(text).not.toContain(password);
  });
});
