import { spawn } from 'node:child_process';
import path from 'node:path';
import { type MigrationError, Migrator } from '../src';
import { type MigrationsFolder, migrationsFolder } from './support/migrations-folder';
import { clearData, count, rows, useConnection } from './support/test-graph';

// A payments graph gets amounts in cents. The per-row update is not idempotent (it also counts
// how often it touched each payment), so a batch applied twice would show.
const PAYMENTS = 6_000;

function centsMigration(options: { over: string; failAt?: number; resumable?: boolean }): string {
  return `import type { MigrationContext } from '@cartograph/migrations';

export async function up(ctx: MigrationContext): Promise<void> {
  await ctx.batch(
    'SET p.cents = p.amount * 100 / CASE WHEN p.i = $failAt THEN 0 ELSE 1 END, p.updates = coalesce(p.updates, 0) + 1',
    { over: ${JSON.stringify(options.over)}, params: { failAt: ${options.failAt ?? -1} }, batchSize: 500${
      options.resumable ? ', resumable: true' : ''
    } },
  );
}
`;
}
const EVERY_PAYMENT = 'MATCH (p:Payment) RETURN p ORDER BY p.i';
const PAYMENTS_NOT_DONE = 'MATCH (p:Payment) WHERE p.cents IS NULL RETURN p ORDER BY p.i';

describe('a batched migration interrupted part-way', () => {
  const connection = useConnection();
  let folder: MigrationsFolder;
  let migrator: Migrator;
  const graph = () => connection.graph();
  const updatedTimes = () =>
    rows(
      graph(),
      'MATCH (p:Payment) RETURN coalesce(p.updates, 0) AS updates, count(*) AS n ORDER BY updates',
    );
  /** Rewrites the migration; jest keeps its own module registry, so it is reset too. */
  const rewrite = async (text: string) => {
    await folder.write('1_payment_cents.ts', text);
    jest.resetModules();
  };
  const progressNodes = () => count(graph(), 'MATCH (s:__CartographMigrationProgress) RETURN count(s) AS n');

  beforeEach(async () => {
    await clearData(graph());
    await graph().cypher('UNWIND range(1, $n) AS i CREATE (:Payment {i: i, amount: i % 90 + 10})', {
      n: PAYMENTS,
    });
    folder = await migrationsFolder();
    migrator = new Migrator(graph(), { dir: folder.dir, log: connection.log, lockTimeoutMs: 2_000 });
  });
  afterEach(() => folder.dispose());

  describe('by a failing batch', () => {
    beforeEach(async () => {
      await folder.write('1_payment_cents.ts', centsMigration({ over: EVERY_PAYMENT, failAt: 2345 }));
      await expect(migrator.up()).rejects.toMatchObject({ code: 'MIGRATION_FAILED' });
    });

    it('says in status how many rows and batches committed before the failure', async () => {
      const [status] = await migrator.status();
      expect(status).toMatchObject({
        state: 'failed',
        progress: { direction: 'up', rows: 2000, batches: 4 },
      });
      expect(status!.progress!.summary).toBe('partially applied: 2000 rows in 4 committed batches');
      expect(await updatedTimes()).toEqual([
        { updates: 0, n: PAYMENTS - 2000 },
        { updates: 1, n: 2000 },
      ]);
    });

    it('refuses to run a step that is not resumable again, and says how to make it resumable', async () => {
      await rewrite(centsMigration({ over: EVERY_PAYMENT }));

      const refusal = (await migrator.up().catch((error: unknown) => error)) as MigrationError;

      expect(refusal.code).toBe('MIGRATION_PARTIALLY_APPLIED');
      expect(refusal.migration).toEqual({ version: '1', name: 'payment_cents' });
      expect(refusal.message).toContain('after 2000 rows in 4 committed batch(es)');
      expect(refusal.message).toContain('returns only rows not done yet');
      expect(refusal.message).toContain('{ resumable: true }');
      expect(await updatedTimes()).toEqual([
        { updates: 0, n: PAYMENTS - 2000 },
        { updates: 1, n: 2000 },
      ]);
    });

    it('resumes a resumable step after the last committed batch: every row updated exactly once', async () => {
      await rewrite(centsMigration({ over: PAYMENTS_NOT_DONE, resumable: true }));

      await migrator.up();

      expect(await updatedTimes()).toEqual([{ updates: 1, n: PAYMENTS }]);
      expect((await migrator.status())[0]).toMatchObject({ state: 'applied' });
      expect((await migrator.status())[0]!.progress).toBeUndefined();
      expect(await progressNodes()).toBe(0);
    });

    it('starts over after repair, once the committed rows were undone by hand', async () => {
      await graph().cypher('MATCH (p:Payment) REMOVE p.cents, p.updates');
      await rewrite(centsMigration({ over: EVERY_PAYMENT }));

      expect((await migrator.repair()).clearedProgress).toEqual(['1']);
      await migrator.up();

      expect(await updatedTimes()).toEqual([{ updates: 1, n: PAYMENTS }]);
    });
  });

  describe('by a killed process', () => {
    let childPid = 0;
    beforeEach(async () => {
      await folder.write('1_payment_cents.ts', centsMigration({ over: EVERY_PAYMENT }));
      childPid = await upUntilKilled(folder.dir, 1000);
      await quiet(graph());
    }, 60_000);

    it('shows the migration as partially applied, with exactly the rows that were committed', async () => {
      const [status] = await migrator.status();
      const applied = PAYMENTS - Number((await updatedTimes()).find((row) => row.updates === 0)?.n ?? 0);

      expect(status!.state).toBe('partial');
      expect(status!.progress!.rows).toBe(applied);
      expect(applied).toBeGreaterThanOrEqual(1000);
      // A batch commits whole or not at all.
      expect(applied % 500).toBe(0);
      expect(status!.progress!.summary).toBe(
        `partially applied: ${applied} rows in ${applied / 500} committed batches`,
      );
      expect(await updatedTimes()).not.toContainEqual(expect.objectContaining({ updates: 2 }));
    });

    it('shows the lock the killed run left, with its holder and age, in status and validate', async () => {
      const lock = await migrator.heldLock();
      expect(lock?.owner).toContain(`pid ${childPid}`);
      expect(lock!.ageMs).toBeGreaterThanOrEqual(0);
      expect(lock!.ageMs).toBeLessThan(120_000);

      const report = await migrator.validate();
      expect(report.lock).toEqual(
        lock === undefined ? undefined : expect.objectContaining({ owner: lock.owner }),
      );
      expect(report.problems).toEqual([
        expect.stringMatching(/^1_payment_cents was interrupted: partially applied: \d+ rows/),
      ]);
    });

    it('continues a resumable step after the last committed batch once the stale lock is released', async () => {
      expect(await migrator.releaseLock()).toBe(true);
      await expect(migrator.up()).rejects.toMatchObject({ code: 'MIGRATION_PARTIALLY_APPLIED' });

      await rewrite(centsMigration({ over: PAYMENTS_NOT_DONE, resumable: true }));
      await migrator.up();

      expect(await updatedTimes()).toEqual([{ updates: 1, n: PAYMENTS }]);
      expect(await migrator.heldLock()).toBeUndefined();
    });
  });
});

/** Runs `up` in a child process that SIGKILLs itself after `rows` rows; resolves with its pid. */
function upUntilKilled(dir: string, rows: number): Promise<number> {
  const script = path.join(__dirname, 'support', 'up-until-killed.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, String(rows)], {
    cwd: path.join(__dirname, '..', '..', '..'),
    env: process.env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(child.pid!);
      else reject(new Error(`the migration process was not killed part-way (exit code ${code})`));
    });
  });
}

/**
 * Waits until the server has stopped the killed run's statement: Neo4j notices the closed
 * connection and terminates it, but a batch may still commit in between.
 */
async function quiet(graph: import('@cartograph/core').Graph): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    // The marker travels as a parameter so that this query does not find itself.
    const running = await graph.cypher(
      'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n',
      { marker: 'cartographRows' },
    );
    if (Number(running[0]?.n ?? 0) === 0) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the killed run is still running on the server after 10 s');
}
