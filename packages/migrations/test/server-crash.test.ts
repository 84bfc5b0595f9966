import { Graph } from '@cartograph/core';
import { type MavenRunningNeo4j, startMavenNeo4j } from '@cartograph/testing';
import { Migrator } from '../src';
import { type MigrationsFolder, migrationsFolder } from './support/migrations-folder';

// A ledger of payments gets amounts in cents. The per-row update is not idempotent (it counts how
// often it touched each payment), so a batch applied twice would show. The server of this file
// is killed with SIGKILL on purpose, so it is one of its own (small memory).
const PAYMENTS = 6_000;
const BATCH = 500;

function centsMigration(over: string, resumable: boolean): string {
  return `import type { MigrationContext } from '@cartograph/migrations';

export async function up(ctx: MigrationContext): Promise<void> {
  await ctx.batch('SET p.cents = p.amount * 100, p.updates = coalesce(p.updates, 0) + 1', {
    over: ${JSON.stringify(over)},
    batchSize: ${BATCH},
    resumable: ${resumable},
  });
}
`;
}

describe('the server killed with SIGKILL during a batched migration', () => {
  let server: MavenRunningNeo4j;
  let graph: Graph;
  let folder: MigrationsFolder;
  const connect = async () => {
    graph = await Graph.connect({
      url: server.uri,
      auth: { username: server.username, password: server.password },
      default: false,
      driverConfig: { maxTransactionRetryTime: 1_000, connectionTimeout: 2_000 },
    });
  };
  const updatedTimes = () =>
    graph.cypher(
      'MATCH (p:Payment) RETURN coalesce(p.updates, 0) AS updates, count(*) AS n ORDER BY updates',
      {},
      { mode: 'READ' },
    );

  beforeAll(async () => {
    server = await startMavenNeo4j({ heap: '512m', pageCacheMiB: 64, log: () => {} });
    folder = await migrationsFolder();
  }, 300_000);
  afterAll(async () => {
    await graph?.close();
    await folder?.dispose();
    await server?.stop();
  });

  it('keeps the committed batches, reports them after restart, and resumes: every row updated once', async () => {
    await connect();
    await graph.cypher('UNWIND range(1, $n) AS i CREATE (:Payment {i: i, amount: i % 90 + 10})', {
      n: PAYMENTS,
    });
    await folder.write(
      '1_payment_cents.ts',
      centsMigration('MATCH (p:Payment) RETURN p ORDER BY p.i', false),
    );
    let killed: Promise<void> | undefined;
    const dying = new Migrator(graph, {
      dir: folder.dir,
      progress: (_label, done) => {
        if (done >= 2 * BATCH && !killed) killed = server.kill();
      },
    });

    await expect(dying.up()).rejects.toMatchObject({ code: expect.any(String) });
    await killed;
    await graph.close();
    server = await server.restart();
    await connect();

    const migrator = new Migrator(graph, { dir: folder.dir, lockTimeoutMs: 2_000 });
    const [status] = await migrator.status();
    const done = (await updatedTimes()).filter((row) => row.updates === 1).map((row) => row.n as number);
    const applied = done[0] ?? 0;
    expect(status!.state).toBe('partial');
    expect(status!.progress!.rows).toBe(applied);
    expect(applied).toBeGreaterThanOrEqual(2 * BATCH);
    expect(applied % BATCH).toBe(0);
    expect(await updatedTimes()).not.toContainEqual(expect.objectContaining({ updates: 2 }));

    await migrator.releaseLock();
    await folder.write(
      '1_payment_cents.ts',
      centsMigration('MATCH (p:Payment) WHERE p.cents IS NULL RETURN p ORDER BY p.i', true),
    );
    jest.resetModules();
    await migrator.up();

    expect(await updatedTimes()).toEqual([{ updates: 1, n: PAYMENTS }]);
  }, 480_000);
});
