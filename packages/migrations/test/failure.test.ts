import { MigrationError, Migrator } from '../src';
import { type MigrationsFolder, migrationsFolder } from './support/migrations-folder';
import { count, rows, useConnection } from './support/test-graph';

// Merchants of a card-fraud graph; the second migration divides by zero halfway through.
const FAILING = `CREATE (:Alert {rule: 'velocity'});
UNWIND [2, 0] AS d RETURN 10 / d AS x;
`;
const FIXED = `CREATE (:Alert {rule: 'velocity'});
`;

describe('a failing migration', () => {
  const connection = useConnection();
  let folder: MigrationsFolder;
  let migrator: Migrator;

  beforeAll(async () => {
    folder = await migrationsFolder({
      '1_merchants.cypher': "CREATE (:Merchant {name: 'Acme Pay'});\n",
      '2_velocity_alerts.cypher': FAILING,
      '3_more_merchants.cypher': "CREATE (:Merchant {name: 'Globex'});\n",
    });
    migrator = new Migrator(connection.graph(), { dir: folder.dir, log: connection.log });
  });
  afterAll(() => folder.dispose());

  const states = async () => (await migrator.status()).map((status) => `${status.version}:${status.state}`);

  it('stops the run, keeps earlier migrations applied and records the failure', async () => {
    const error = await migrator.up().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationError);
    const failure = error as MigrationError;
    expect(failure.code).toBe('MIGRATION_FAILED');
    expect(failure.migration).toEqual({ version: '2', name: 'velocity_alerts' });
    expect(failure.completed.map((item) => item.version)).toEqual(['1']);
    expect(failure.message).toMatch(
      /^Migration 2_velocity_alerts failed at .*2_velocity_alerts\.cypher:\d+:\d+: .*by zero.*None of its changes were committed\. It is recorded as failed; earlier migrations stay applied\. Fix it and run up again/s,
    );

    expect(await states()).toEqual(['1:applied', '2:failed', '3:pending']);
    const failed = (await migrator.status())[1]!;
    expect(failed.error).toMatch(/by zero/);
    // The migration's plain statements shared one transaction, so its first statement rolled back too.
    expect(await count(connection.graph(), 'MATCH (a:Alert) RETURN count(a) AS n')).toBe(0);
    expect(await count(connection.graph(), 'MATCH (m:Merchant) RETURN count(m) AS n')).toBe(1);
    expect(await count(connection.graph(), 'MATCH (l:__CartographMigrationLock) RETURN count(l) AS n')).toBe(
      0,
    );

    const report = await migrator.validate();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.stringMatching(/^2_velocity_alerts failed: .*Fix the file and run up again/),
    ]);
  });

  it('continues from the failed migration once its file is fixed', async () => {
    await folder.write('2_velocity_alerts.cypher', FIXED);
    const result = await migrator.up();
    expect(result.migrations.map((item) => item.version)).toEqual(['2', '3']);
    expect(await states()).toEqual(['1:applied', '2:applied', '3:applied']);
    expect(await count(connection.graph(), 'MATCH (a:Alert) RETURN count(a) AS n')).toBe(1);
    const records = await rows(
      connection.graph(),
      'MATCH (m:__CartographMigration) RETURN m.version AS v, m.error AS error ORDER BY v',
    );
    expect(records).toEqual([
      { v: '1', error: null },
      { v: '2', error: null },
      { v: '3', error: null },
    ]);
    expect(
      await count(
        connection.graph(),
        'MATCH (:__CartographMigration {version: "1"})-[:__NEXT]->(:__CartographMigration {version: "2"})-[:__NEXT]->(:__CartographMigration {version: "3"}) RETURN count(*) AS n',
      ),
    ).toBe(1);
  });

  it('says which steps of a mixed migration had committed before it failed', async () => {
    await folder.write(
      '4_merchant_index.ts',
      `import type { MigrationContext } from '@cartograph/migrations';

export async function up(ctx: MigrationContext): Promise<void> {
  await ctx.schema('CREATE INDEX merchant_name IF NOT EXISTS FOR (m:Merchant) ON (m.name)');
  await ctx.run("CREATE (:Merchant {name: 'Initech'})");
  throw new Error('card network unreachable');
}
`,
    );
    const failure = (await migrator.up().catch((caught: unknown) => caught)) as MigrationError;
    expect(failure.code).toBe('MIGRATION_FAILED');
    expect(failure.message).toContain('card network unreachable');
    expect(failure.message).toContain('1 of its steps had already committed and stay in the database');
    expect(
      await rows(connection.graph(), "SHOW INDEXES YIELD name WHERE name = 'merchant_name' RETURN name"),
    ).toHaveLength(1);
    expect(await count(connection.graph(), "MATCH (m:Merchant {name: 'Initech'}) RETURN count(m) AS n")).toBe(
      0,
    );
    expect((await migrator.status()).at(-1)).toMatchObject({
      version: '4',
      state: 'failed',
      error: 'card network unreachable',
    });
  });

  it('records a TypeScript file that does not compile as failed too', async () => {
    await folder.remove('4_merchant_index.ts');
    await migrator.repair();
    await folder.write(
      '5_broken.ts',
      'export async function up(ctx: { run(q: string): Promise<unknown> }) {\n  await ctx.run("RETURN 1"\n}\n',
    );
    const failure = (await migrator.up().catch((caught: unknown) => caught)) as MigrationError;
    expect(failure.code).toBe('MIGRATION_FAILED');
    expect((failure.cause as MigrationError).code).toBe('MIGRATION_INVALID_FILE');
    expect((await migrator.status()).at(-1)).toMatchObject({ version: '5', state: 'failed' });
  });

  it('warns that the batches of a failing batched statement before the failure are committed', async () => {
    await folder.remove('5_broken.ts');
    await migrator.repair();
    await folder.write(
      '6_chargebacks.cypher',
      'UNWIND range(1, 5) AS i\nCALL (i) {\n  CREATE (:Chargeback {i: i, ratio: 10 / (3 - i)})\n} IN TRANSACTIONS OF 1 ROWS;\n',
    );
    const failure = (await migrator.up().catch((caught: unknown) => caught)) as MigrationError;
    expect(failure.code).toBe('MIGRATION_FAILED');
    expect(failure.message).toContain(
      'The failing statement runs in batches: the batches before the failure are committed.',
    );
    expect(failure.message).not.toContain('None of its changes were committed');
    expect(await count(connection.graph(), 'MATCH (c:Chargeback) RETURN count(c) AS n')).toBe(2);
  });
});
