import { assertMigrationsApplied, MigrationError, Migrator } from '../src';
import { type MigrationsFolder, migrationsFolder } from './support/migrations-folder';
import { clearData, count, rows, useConnection } from './support/test-graph';

describe('baseline, repair, locking and the start-up check (fraud detection)', () => {
  const connection = useConnection();
  let folder: MigrationsFolder;
  let migrator: Migrator;

  beforeEach(async () => {
    await clearData(connection.graph());
    folder = await migrationsFolder({
      '20240101000000_accounts.cypher': "CREATE (:Account {iban: 'DE01'});\n",
      '20240201000000_devices.cypher': "CREATE (:Device {fingerprint: 'f00d'});\n",
      '20240301000000_risk_rules.cypher': "CREATE (:RiskRule {name: 'velocity', threshold: 5});\n",
      '20240301000000_risk_rules.down.cypher': 'MATCH (r:RiskRule) DELETE r;\n',
    });
    migrator = new Migrator(connection.graph(), { dir: folder.dir, log: connection.log, lockTimeoutMs: 800 });
  });
  afterEach(() => folder.dispose());

  const states = async () => (await migrator.status()).map((status) => `${status.version}:${status.state}`);

  it('baselines an existing database, then applies only what came later', async () => {
    await connection.graph().cypher("CREATE (:Account {iban: 'DE01'}), (:Device {fingerprint: 'f00d'})");
    await migrator.baseline('20240201000000');
    expect(await states()).toEqual([
      '20240101000000:baseline',
      '20240201000000:baseline',
      '20240301000000:pending',
    ]);
    expect((await migrator.up()).migrations.map((item) => item.version)).toEqual(['20240301000000']);
    expect(await count(connection.graph(), 'MATCH (a:Account) RETURN count(a) AS n')).toBe(1);
    await expect(migrator.baseline('20240301000000')).rejects.toMatchObject({
      code: 'MIGRATION_BASELINE_NOT_EMPTY',
    });
    await expect(migrator.down({ steps: 2 })).rejects.toMatchObject({ code: 'MIGRATION_BELOW_BASELINE' });
    expect(await count(connection.graph(), 'MATCH (r:RiskRule) RETURN count(r) AS n')).toBe(1);
    expect(await migrator.validate()).toMatchObject({ ok: true });
  });

  it('baselines past existing history: what another tool applied is recorded, not run again', async () => {
    await migrator.up({ to: '20240101000000' });
    await connection.graph().cypher("CREATE (:Device {fingerprint: 'f00d'}), (:RiskRule {name: 'velocity'})");

    await migrator.baseline('20240301000000');

    expect(await states()).toEqual([
      '20240101000000:applied',
      '20240201000000:baseline',
      '20240301000000:baseline',
    ]);
    expect((await migrator.up()).migrations).toEqual([]);
    expect(await count(connection.graph(), 'MATCH (r:RiskRule) RETURN count(r) AS n')).toBe(1);
    expect(await migrator.validate()).toMatchObject({ ok: true });
  });

  it('refuses a baseline that is not newer than the history, pointing at resolve', async () => {
    await migrator.up({ to: '20240201000000' });

    const error = await migrator.baseline('20240101000000').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: 'MIGRATION_BASELINE_NOT_EMPTY' });
    expect((error as Error).message).toMatch(/migrate resolve --applied/);
  });

  it('baselines at a version no file has with a marker record', async () => {
    await migrator.baseline('20240115000000');
    expect(await states()).toEqual([
      '20240101000000:baseline',
      '20240115000000:baseline',
      '20240201000000:pending',
      '20240301000000:pending',
    ]);
    const [marker] = await rows(
      connection.graph(),
      "MATCH (m:__CartographMigration {version: '20240115000000'}) RETURN m.name AS name, m.kind AS kind",
    );
    expect(marker).toEqual({ name: 'baseline', kind: 'baseline' });
  });

  it('fails validation for an edited applied file, refuses to run over it, and repairs it on request', async () => {
    await migrator.up();
    const oldChecksum = (await migrator.status())[1]!.checksum;
    await folder.write(
      '20240201000000_devices.cypher',
      "CREATE (:Device {fingerprint: 'f00d', trusted: false});\n",
    );
    const report = await migrator.validate();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^20240201000000_devices was changed after it was applied \(recorded checksum [0-9a-f]{12}, file now [0-9a-f]{12}\)\. Revert the edit, or run repair to accept it\.$/,
      ),
    ]);
    await folder.write('20240401000000_alerts.cypher', 'CREATE (:Alert);\n');
    await expect(migrator.up()).rejects.toMatchObject({ code: 'MIGRATION_CHECKSUM_MISMATCH' });
    expect(await count(connection.graph(), 'MATCH (a:Alert) RETURN count(a) AS n')).toBe(0);

    const repaired = await migrator.repair();
    expect(repaired).toEqual({
      updated: [
        {
          version: '20240201000000',
          name: 'devices',
          oldChecksum,
          newChecksum: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      ],
      removedFailed: [],
      missing: [],
      clearedProgress: [],
    });
    expect(connection.lines).toContainEqual(
      expect.stringMatching(/^Repaired 20240201000000_devices: checksum [0-9a-f]{12} -> [0-9a-f]{12}\.$/),
    );
    expect(await migrator.validate()).toMatchObject({ ok: true, pending: ['20240401000000'] });
    expect((await migrator.validate({ allowPending: false })).ok).toBe(false);
  });

  it('waits for a held lock, fails with MIGRATION_LOCKED, and recovers after releaseLock', async () => {
    await migrator.up({ to: '20240101000000' });
    await connection
      .graph()
      .cypher(
        "CREATE (:__CartographMigrationLock {id: 'migrate', owner: 'nightly-job (pid 4242)', acquiredAt: datetime()})",
      );
    const started = Date.now();
    const error = (await migrator.up().catch((caught: unknown) => caught)) as MigrationError;
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(error.code).toBe('MIGRATION_LOCKED');
    expect(error.message).toMatch(/held by nightly-job \(pid 4242\) since .*release the stale lock/);
    expect(await states()).toEqual([
      '20240101000000:applied',
      '20240201000000:pending',
      '20240301000000:pending',
    ]);
    expect(await migrator.releaseLock()).toBe(true);
    expect(await migrator.releaseLock()).toBe(false);
    expect((await migrator.up()).migrations).toHaveLength(2);
  });

  it('reports a database ahead of the code at start-up, and throws only when strict', async () => {
    await migrator.up();
    await folder.remove('20240301000000_risk_rules.cypher');
    await folder.remove('20240301000000_risk_rules.down.cypher');
    const warnings: string[] = [];
    const report = await assertMigrationsApplied(connection.graph(), {
      dir: folder.dir,
      log: (line) => warnings.push(line),
    });
    expect(report.ok).toBe(false);
    expect(report.ahead.map((status) => status.version)).toEqual(['20240301000000']);
    expect(report.pending).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^cartograph migrations: 20240301000000_risk_rules is applied in the database but its file is missing: the database is ahead of the code/,
      ),
    ]);
    await expect(
      assertMigrationsApplied(connection.graph(), { dir: folder.dir, strict: true }),
    ).rejects.toMatchObject({ code: 'MIGRATION_DATABASE_AHEAD' });
    expect((await migrator.status()).at(-1)).toMatchObject({
      version: '20240301000000',
      state: 'missing',
      name: 'risk_rules',
    });
  });

  it('reports pending migrations at start-up, and passes once they are applied', async () => {
    const quiet: string[] = [];
    const pending = await assertMigrationsApplied(connection.graph(), {
      dir: folder.dir,
      log: (line) => quiet.push(line),
    });
    expect(pending.pending).toHaveLength(3);
    expect(quiet).toHaveLength(3);
    await expect(
      assertMigrationsApplied(connection.graph(), { dir: folder.dir, strict: true }),
    ).rejects.toMatchObject({ code: 'MIGRATION_PENDING' });
    await migrator.up();
    const report = await assertMigrationsApplied(connection.graph(), { dir: folder.dir, strict: true });
    expect(report).toMatchObject({ ok: true, pending: [], ahead: [], messages: [] });
  });

  it('creates empty migrations and generates them from statements', async () => {
    const created = await migrator.create('Flag shared devices');
    expect(created).toMatch(/[/\\]\d{14}_flag_shared_devices\.ts$/);
    const cypher = await migrator.create('tag merchants', 'cypher');
    expect(cypher).toMatch(/\d{14}_tag_merchants\.cypher$/);
    const generated = await migrator.generate(
      'schema sync',
      ['CREATE INDEX device_fingerprint IF NOT EXISTS FOR (n:Device) ON (n.fingerprint)'],
      ['DROP INDEX device_fingerprint IF EXISTS'],
    );
    const versions = (await migrator.status()).map((status) => status.version);
    expect(new Set(versions).size).toBe(versions.length);
    const dry = await migrator.up({ dryRun: true });
    expect(dry.migrations.at(-1)).toMatchObject({
      name: 'schema_sync',
      statements: ['CREATE INDEX device_fingerprint IF NOT EXISTS FOR (n:Device) ON (n.fingerprint)'],
    });
    expect(generated).toMatch(/_schema_sync\.cypher$/);
    await migrator.up();
    expect(
      await rows(connection.graph(), "SHOW INDEXES YIELD name WHERE name = 'device_fingerprint' RETURN name"),
    ).toHaveLength(1);
    expect((await migrator.down()).migrations.map((item) => item.name)).toEqual(['schema_sync']);
    expect(
      await rows(connection.graph(), "SHOW INDEXES YIELD name WHERE name = 'device_fingerprint' RETURN name"),
    ).toHaveLength(0);
    await expect(migrator.generate('nothing', [], [])).rejects.toMatchObject({
      code: 'MIGRATION_NOTHING_TO_GENERATE',
    });
  });
});
