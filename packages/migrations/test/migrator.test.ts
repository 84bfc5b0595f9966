import { Migrator } from '../src';
import { type MigrationsFolder, migrationsFolder } from './support/migrations-folder';
import { count, rows, useConnection } from './support/test-graph';

// A fraud-detection graph: accounts, transfers between them, and a rule flagging big senders.
const ACCOUNTS = `// Accounts of the fraud-detection graph
CREATE CONSTRAINT account_iban_unique IF NOT EXISTS FOR (a:Account) REQUIRE a.iban IS UNIQUE;
CREATE (:Account {iban: 'DE01', holder: 'Ada'}), (:Account {iban: 'DE02', holder: 'Bob'}),
       (:Account {iban: 'DE03', holder: 'Eve'});
`;
const ACCOUNTS_DOWN = `MATCH (a:Account) DETACH DELETE a;
DROP CONSTRAINT account_iban_unique IF EXISTS;
`;
const TRANSFERS = `import 'reflect-metadata';
import type { MigrationContext } from '@cartograph/migrations';

interface Transfer { from: string; to: string; amount: number }

const transfers: Transfer[] = [
  { from: 'DE01', to: 'DE02', amount: 120 },
  { from: 'DE03', to: 'DE01', amount: 9500 },
  { from: 'DE03', to: 'DE02', amount: 9900 },
];

export async function up(ctx: MigrationContext): Promise<void> {
  Reflect.defineMetadata('cartograph:rule', 'transfers', up);
  for (const transfer of transfers) {
    await ctx.run('MATCH (a:Account {iban: $from}), (b:Account {iban: $to}) CREATE (a)-[:SENT {amount: $amount}]->(b)', { ...transfer });
  }
  ctx.log(\`linked \${transfers.length} \${Reflect.getMetadata('cartograph:rule', up)}\`);
}

export async function down(ctx: MigrationContext): Promise<void> {
  await ctx.run('MATCH ()-[s:SENT]->() DELETE s');
}
`;
const FLAG = 'MATCH (a:Account)-[s:SENT]->() WHERE s.amount > 9000 SET a.suspicious = true;\n';

const V1 = '20250101000000';
const V2 = '20250102000000';
const V3 = '20250103000000';

describe('Migrator up, down, status and validate (fraud detection)', () => {
  const connection = useConnection();
  let folder: MigrationsFolder;
  let migrator: Migrator;

  beforeAll(async () => {
    folder = await migrationsFolder({
      [`${V1}_create_accounts.cypher`]: ACCOUNTS,
      [`${V1}_create_accounts.down.cypher`]: ACCOUNTS_DOWN,
      [`${V2}_link_transfers.ts`]: TRANSFERS,
      [`${V3}_flag_suspicious.cypher`]: FLAG,
    });
    migrator = new Migrator(connection.graph(), {
      dir: folder.dir,
      appliedBy: 'ci@fraud-pipeline',
      log: connection.log,
    });
  });
  afterAll(() => folder.dispose());

  const states = async () => (await migrator.status()).map((status) => [status.version, status.state]);
  const chain = async () =>
    (
      await rows(
        connection.graph(),
        'MATCH p = (head:__CartographMigration)-[:__NEXT*0..]->(last) WHERE NOT EXISTS { ()-[:__NEXT]->(head) } AND NOT EXISTS { (last)-[:__NEXT]->() } RETURN [n IN nodes(p) | n.version] AS versions',
      )
    )[0]?.versions ?? [];

  it('lists every file as pending on a fresh database', async () => {
    expect(await states()).toEqual([
      [V1, 'pending'],
      [V2, 'pending'],
      [V3, 'pending'],
    ]);
  });

  it('returns the Cypher a dry run would execute, without touching the database', async () => {
    const result = await migrator.up({ dryRun: true });
    expect(result).toMatchObject({ direction: 'up', dryRun: true });
    expect(result.migrations.map((item) => item.version)).toEqual([V1, V2, V3]);
    expect(result.migrations[0]!.statements).toEqual([
      'CREATE CONSTRAINT account_iban_unique IF NOT EXISTS FOR (a:Account) REQUIRE a.iban IS UNIQUE',
      "CREATE (:Account {iban: 'DE01', holder: 'Ada'}), (:Account {iban: 'DE02', holder: 'Bob'}),\n       (:Account {iban: 'DE03', holder: 'Eve'})",
    ]);
    expect(result.migrations[1]).toMatchObject({
      kind: 'ts',
      statements: [],
      note: expect.stringContaining('TypeScript'),
    });
    expect(await count(connection.graph(), 'MATCH (n) RETURN count(n) AS n')).toBe(0);
  });

  it('applies up to a version, recording each migration in the graph', async () => {
    const result = await migrator.up({ to: V2 });
    expect(result.migrations.map((item) => [item.version, item.kind])).toEqual([
      [V1, 'cypher'],
      [V2, 'ts'],
    ]);
    expect(result.migrations[1]!.statements).toHaveLength(3);
    expect(connection.lines).toContain(`[${V2}_link_transfers] linked 3 transfers`);
    expect(await count(connection.graph(), 'MATCH ()-[s:SENT]->() RETURN count(s) AS n')).toBe(3);

    const status = await migrator.status();
    expect(status.map((entry) => entry.state)).toEqual(['applied', 'applied', 'pending']);
    expect(status[0]).toMatchObject({
      name: 'create_accounts',
      appliedBy: 'ci@fraud-pipeline',
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(status[0]!.appliedAt).toBeInstanceOf(Date);
    expect(typeof status[0]!.durationMs).toBe('number');
    const [record] = await rows(
      connection.graph(),
      'MATCH (m:__CartographMigration {version: $v}) RETURN m.state AS state, m.kind AS kind, valueType(m.durationMs) AS t',
      { v: V1 },
    );
    expect(record).toEqual({ state: 'applied', kind: 'cypher', t: 'INTEGER NOT NULL' });
    expect(await chain()).toEqual([V1, V2]);
  });

  it('applies the rest, then has nothing left to do', async () => {
    expect((await migrator.up()).migrations.map((item) => item.version)).toEqual([V3]);
    expect(await count(connection.graph(), 'MATCH (a:Account {suspicious: true}) RETURN count(a) AS n')).toBe(
      1,
    );
    expect(await chain()).toEqual([V1, V2, V3]);
    expect((await migrator.up()).migrations).toEqual([]);
    expect(connection.lines).toContain('Nothing to apply: the database is up to date.');
    expect(await migrator.validate()).toMatchObject({ ok: true, problems: [], pending: [] });
    expect(await count(connection.graph(), 'MATCH (l:__CartographMigrationLock) RETURN count(l) AS n')).toBe(
      0,
    );
  });

  it('refuses to revert a migration without a down, before running anything', async () => {
    await expect(migrator.down()).rejects.toMatchObject({
      code: 'MIGRATION_NO_DOWN',
      message: expect.stringContaining(`${V3}_flag_suspicious.down.cypher`),
    });
    expect(await states()).toEqual([
      [V1, 'applied'],
      [V2, 'applied'],
      [V3, 'applied'],
    ]);
  });

  it('sees an added down file as an edit until repaired, then reverts with it', async () => {
    await folder.write(`${V3}_flag_suspicious.down.cypher`, 'MATCH (a:Account) REMOVE a.suspicious;\n');
    const report = await migrator.validate();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.stringMatching(new RegExp(`^${V3}_flag_suspicious was changed after it was applied`)),
    ]);
    await expect(migrator.down()).rejects.toMatchObject({ code: 'MIGRATION_CHECKSUM_MISMATCH' });
    expect((await migrator.repair()).updated.map((entry) => entry.version)).toEqual([V3]);

    const dry = await migrator.down({ dryRun: true });
    expect(dry.migrations).toEqual([
      {
        version: V3,
        name: 'flag_suspicious',
        kind: 'cypher',
        statements: ['MATCH (a:Account) REMOVE a.suspicious'],
      },
    ]);
    const result = await migrator.down();
    expect(result).toMatchObject({ direction: 'down', dryRun: false, migrations: [{ version: V3 }] });
    expect(
      await count(
        connection.graph(),
        'MATCH (a:Account) WHERE a.suspicious IS NOT NULL RETURN count(a) AS n',
      ),
    ).toBe(0);
    expect((await states())[2]).toEqual([V3, 'pending']);
  });

  it('reverts down to a version with TypeScript and Cypher downs, newest first', async () => {
    expect((await migrator.down({ to: V1 })).migrations.map((item) => item.version)).toEqual([V2]);
    expect(await count(connection.graph(), 'MATCH ()-[s:SENT]->() RETURN count(s) AS n')).toBe(0);
    expect(await chain()).toEqual([V1]);
    await migrator.down({ steps: 1 });
    expect(await count(connection.graph(), 'MATCH (n) RETURN count(n) AS n')).toBe(0);
    const constraints = await rows(
      connection.graph(),
      "SHOW CONSTRAINTS YIELD name WHERE name = 'account_iban_unique' RETURN name",
    );
    expect(constraints).toEqual([]);
    expect(await states()).toEqual([
      [V1, 'pending'],
      [V2, 'pending'],
      [V3, 'pending'],
    ]);
  });

  it('applies everything again after a full rollback', async () => {
    expect((await migrator.up()).migrations).toHaveLength(3);
    expect(await chain()).toEqual([V1, V2, V3]);
    expect(await count(connection.graph(), 'MATCH (a:Account {suspicious: true}) RETURN count(a) AS n')).toBe(
      1,
    );
  });
});
