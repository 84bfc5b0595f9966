// The commands in-process against the real Neo4j: `--json` shapes and the exit codes of checks
// (1) and failed or locked migrations (4). Models are declared here, so jest's module registry is
// the one both they and the CLI use.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Graph, Node, NodeEntity, StringProperty } from '@cartograph/core';
import { create, fn, map, node, param, query, render, sub } from '@cartograph/cypher';
import { LOCK_LABEL } from '@cartograph/migrations';
import { runCli } from '../src/main';
import { captureIO } from './support/capture-io';
import { connectTestGraph, schemaNames } from './support/database-schema';

@Node()
class Account extends NodeEntity {
  @StringProperty({ unique: true, required: true }) iban!: string;
  @StringProperty({ index: 'text' }) holder?: string;
}

describe('commands against Neo4j', () => {
  let dir: string;
  let graph: Graph;
  const env = () => ({
    NEO4J_URI: process.env.NEO4J_URI,
    NEO4J_USERNAME: process.env.NEO4J_USERNAME,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
    CARTOGRAPH_APPLIED_BY: 'ci@test',
  });
  const cli = async (...args: string[]) => {
    const out = captureIO({ cwd: dir, env: env() });
    const code = await runCli(args, out.io);
    expect(out.stdout() + out.stderr()).not.toContain(process.env.NEO4J_PASSWORD!);
    return {
      code,
      stdout: out.stdout(),
      stderr: out.stderr(),
      json: () => JSON.parse(out.stdout()) as Record<string, unknown>,
    };
  };
  const migrations = () =>
    readdirSync(path.join(dir, 'migrations'))
      .filter((f) => /^\d+_.*\.cypher$/.test(f) && !f.includes('.down.'))
      .sort();
  const writeMigration = (index: number, up: string, down?: string) => {
    const file = migrations()[index]!;
    writeFileSync(path.join(dir, 'migrations', file), up);
    if (down !== undefined)
      writeFileSync(path.join(dir, 'migrations', file.replace('.cypher', '.down.cypher')), down);
    return file.split('_')[0]!;
  };

  beforeAll(async () => {
    expect(Account.name).toBe('Account'); // the model registers by being declared
    dir = mkdtempSync(path.join(os.tmpdir(), 'cartograph-commands-'));
    writeFileSync(
      path.join(dir, 'cartograph.config.ts'),
      "export default { migrationsDir: 'migrations' };\n",
    );
    graph = await connectTestGraph();
  });
  afterAll(async () => {
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('schema diff --json: the diff, the verdict and the statements; --check exits 1 when out of sync', async () => {
    const diff = await cli('schema', 'diff', '--json', '--check');
    expect(diff.code).toBe(1);
    const body = diff.json();
    expect(Object.keys(body).sort()).toEqual([
      'adopted',
      'conflicts',
      'inSync',
      'statements',
      'toCreate',
      'toDrop',
      'unchanged',
      'unsupported',
    ]);
    expect(body.inSync).toBe(false);
    expect(body.toCreate).toEqual([
      {
        name: 'account_iban_unique',
        kind: 'constraint',
        type: 'UNIQUENESS',
        entity: 'node',
        labels: ['Account'],
        properties: ['iban'],
        source: 'Account.iban',
      },
      {
        name: 'account_holder_text',
        kind: 'index',
        type: 'TEXT',
        entity: 'node',
        labels: ['Account'],
        properties: ['holder'],
        source: 'Account.holder',
      },
    ]);
    expect(body.statements).toHaveLength(2);
  });

  it('schema sync --dry-run changes nothing; schema sync creates; then diff --check passes', async () => {
    const dry = await cli('schema', 'sync', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({
      applied: false,
      statements: [
        expect.stringContaining('CREATE CONSTRAINT account_iban_unique'),
        expect.stringContaining('CREATE TEXT INDEX account_holder_text'),
      ],
    });
    expect(await schemaNames(graph)).toEqual({ constraints: [], indexes: [] });
    const sync = await cli('schema', 'sync');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toContain('Applied 2 statement(s).');
    expect(await schemaNames(graph)).toEqual({
      constraints: ['account_iban_unique'],
      indexes: ['account_holder_text'],
    });
    expect((await cli('schema', 'diff', '--check')).code).toBe(0);
  });

  it('migrate create, then baseline adopts the database without running the migration', async () => {
    expect((await cli('migrate', 'create', 'seed marker', '--cypher')).code).toBe(0);
    const first = writeMigration(0, 'CREATE (:Marker {v: 1});\n', 'MATCH (m:Marker {v: 1}) DELETE m;\n');
    expect((await cli('migrate', 'baseline', first)).code).toBe(0);
    const status = (await cli('migrate', 'status', '--json')).json() as {
      migrations: Array<Record<string, unknown>>;
    };
    expect(status.migrations).toEqual([
      expect.objectContaining({ version: first, name: 'seed_marker', state: 'baseline' }),
    ]);
    expect(await graph.cypher('MATCH (m:Marker) RETURN count(m) AS n', {}, { mode: 'READ' })).toEqual([
      { n: 0 },
    ]);
    expect((await cli('migrate', 'baseline', first)).code).toBe(4);
  });

  it('a failing migration: exit 4, earlier ones stay applied, the failure is recorded; repair clears it', async () => {
    await cli('migrate', 'create', 'second marker', '--cypher');
    await cli('migrate', 'create', 'broken', '--cypher');
    writeMigration(1, 'CREATE (:Marker {v: 2});\n', 'MATCH (m:Marker {v: 2}) DELETE m;\n');
    const broken = writeMigration(2, 'THIS IS NOT CYPHER;\n');
    const up = await cli('migrate', 'up', '--json');
    expect(up.code).toBe(4);
    expect(up.json()).toEqual({ error: { message: expect.stringContaining('broken'), exitCode: 4 } });
    const status = (await cli('migrate', 'status', '--json')).json() as {
      migrations: Array<{ state: string }>;
    };
    expect(status.migrations.map((m) => m.state)).toEqual(['baseline', 'applied', 'failed']);
    const validate = await cli('migrate', 'validate', '--json');
    expect(validate.code).toBe(1);
    expect(Object.keys(validate.json()).sort()).toEqual(['ok', 'pending', 'problems', 'statuses']);
    const repair = await cli('migrate', 'repair', '--json');
    expect(repair.code).toBe(0);
    expect(repair.json()).toEqual({ updated: [], removedFailed: [broken], missing: [], clearedProgress: [] });
    writeMigration(2, 'CREATE (:Marker {v: 3});\n', 'MATCH (m:Marker {v: 3}) DELETE m;\n');
    const fixed = await cli('migrate', 'up', '--json');
    expect(fixed.code).toBe(0);
    expect(fixed.json()).toMatchObject({
      direction: 'up',
      dryRun: false,
      migrations: [{ version: broken, name: 'broken', kind: 'cypher' }],
    });
  });

  it('a held lock: status and validate show it, down waits --lock-timeout, then exits 4; unlock releases it', async () => {
    const threeMinutesAgo = sub(fn('datetime'), fn('duration', [param('PT3M')]));
    const lock = map({ id: param('migrate'), owner: param('a crashed run'), acquiredAt: threeMinutesAgo });
    await graph.run(render(query(create(node('l', [LOCK_LABEL], lock)))), 'WRITE', () => undefined);
    for (const command of ['status', 'validate']) {
      expect((await cli('migrate', command)).stdout).toMatch(
        /The migration lock is held by a crashed run since \S+ \(3 min \d+ s\)/,
      );
    }
    const locked = await cli('migrate', 'down', '--lock-timeout', '300');
    expect(locked.code).toBe(4);
    expect(locked.stderr).toContain('a crashed run');
    const unlock = await cli('migrate', 'unlock');
    expect(unlock.code).toBe(0);
    expect(unlock.stdout).toContain('Released the migration lock.');
    expect((await cli('migrate', 'unlock')).stdout).toContain('No lock was held.');
  });

  it('migrate down --dry-run --json shows the Cypher; down reverts; down below the baseline exits 4', async () => {
    const dry = await cli('migrate', 'down', '--steps', '2', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({
      direction: 'down',
      dryRun: true,
      migrations: [
        { name: 'broken', statements: ['MATCH (m:Marker {v: 3}) DELETE m'] },
        { name: 'second_marker' },
      ],
    });
    expect((await cli('migrate', 'down', '--steps', '2')).code).toBe(0);
    expect(await graph.cypher('MATCH (m:Marker) RETURN count(m) AS n', {}, { mode: 'READ' })).toEqual([
      { n: 0 },
    ]);
    expect((await cli('migrate', 'down')).code).toBe(4);
  });
});
