import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Migrator } from '../src';
import { type MigrationsFolder, migrationsFolder } from './support/migrations-folder';
import { count, rows, useConnection } from './support/test-graph';

const REPOSITORY = resolve(__dirname, '../../..');
const WORKER = join(__dirname, 'support', 'concurrent-up.ts');

/** Runs the worker script in a separate Node process through tsx; resolves with its output. */
function worker(
  dir: string,
  startAt: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), WORKER, dir, String(startAt)],
      {
        cwd: REPOSITORY,
        env: process.env,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

// Card transactions are loaded into a ledger by three migrations, one of them slow (so the first
// run surely still holds the lock when the second arrives); two deploys start `up` at once.
const LEDGER = (batch: string) =>
  `UNWIND range(1, 20000) AS i CREATE (:LedgerEntry {batch: '${batch}', i: i});\n`;
const SLOW = `import type { MigrationContext } from '@cartograph/migrations';

export async function up(ctx: MigrationContext): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await ctx.run("CREATE (:LedgerEntry {batch: 'slow', i: 1})");
}
`;

describe('concurrent up from two processes', () => {
  const connection = useConnection();
  let folder: MigrationsFolder;

  beforeAll(async () => {
    folder = await migrationsFolder({
      '1_ledger_january.cypher': LEDGER('january'),
      '2_slow_reconcile.ts': SLOW,
      '3_ledger_february.cypher': LEDGER('february'),
    });
  });
  afterAll(() => folder.dispose());

  it('applies each migration exactly once', async () => {
    const startAt = Date.now() + 4_000;
    const [first, second] = await Promise.all([worker(folder.dir, startAt), worker(folder.dir, startAt)]);
    expect([first.code, first.stderr, second.code, second.stderr]).toEqual([0, '', 0, '']);
    const outputs = [first, second].map(
      (run) => JSON.parse(run.stdout) as { applied: string[]; log: string[] },
    );
    const applied = outputs.map((output) => output.applied);
    expect([...applied[0]!, ...applied[1]!].sort()).toEqual(['1', '2', '3']);
    // The lock is held for a whole run, so the second run finds nothing left to do.
    expect(applied.map((list) => list.length).sort()).toEqual([0, 3]);
    // The runs really overlapped: the one that applied nothing had to wait for the other's lock.
    const idle = outputs.find((output) => output.applied.length === 0)!;
    expect(idle.log).toContainEqual(
      expect.stringMatching(/^Waiting for the migration lock, held by worker-\d+ /),
    );
    expect(idle.log).toContain('Nothing to apply: the database is up to date.');

    const graph = connection.graph();
    expect(
      await rows(graph, 'MATCH (e:LedgerEntry) RETURN e.batch AS batch, count(*) AS n ORDER BY batch'),
    ).toEqual([
      { batch: 'february', n: 20000 },
      { batch: 'january', n: 20000 },
      { batch: 'slow', n: 1 },
    ]);
    expect(
      await rows(
        graph,
        'MATCH (m:__CartographMigration) RETURN m.version AS version, count(*) AS n ORDER BY version',
      ),
    ).toEqual([
      { version: '1', n: 1 },
      { version: '2', n: 1 },
      { version: '3', n: 1 },
    ]);
    expect(await count(graph, 'MATCH (l:__CartographMigrationLock) RETURN count(l) AS n')).toBe(0);
    const status = await new Migrator(graph, { dir: folder.dir }).status();
    expect(status.map((entry) => entry.state)).toEqual(['applied', 'applied', 'applied']);
    expect(new Set(status.map((entry) => entry.appliedBy)).size).toBe(1);
  }, 120_000);
});
