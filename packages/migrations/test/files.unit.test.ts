import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareVersions,
  loadMigrations,
  MigrationError,
  migrationChecksum,
  nextVersion,
  parseFileName,
  slugify,
  splitCypher,
  statementKind,
  timestampVersion,
} from '../src';

describe('migration file names', () => {
  it('parses up, down and TypeScript migrations', () => {
    expect(parseFileName('20250114093000_flag_risky_accounts.cypher')).toEqual({
      version: '20250114093000',
      name: 'flag_risky_accounts',
      role: 'up',
      kind: 'cypher',
    });
    expect(parseFileName('20250114093000_flag_risky_accounts.down.cypher')).toMatchObject({
      name: 'flag_risky_accounts',
      role: 'down',
    });
    expect(parseFileName('7_add-merchant-index.ts')).toEqual({
      version: '7',
      name: 'add-merchant-index',
      role: 'up',
      kind: 'ts',
    });
  });

  it('ignores non-migrations and rejects misnamed ones', () => {
    for (const name of ['README.md', 'types.d.ts', '_helpers.ts', '.hidden.cypher'])
      expect(parseFileName(name)).toBeUndefined();
    for (const name of ['add_index.cypher', '2025_.ts', '2025_x.down.ts', 'v1_x.cypher'])
      expect(parseFileName(name)).toBe('invalid');
  });

  it('slugifies names for new files', () => {
    expect(slugify('Add account index!')).toBe('add_account_index');
    expect(slugify('renameCustomerToClient')).toBe('rename_customer_to_client');
    expect(slugify('  ---  ')).toBe('');
  });
});

describe('versions', () => {
  it('orders numerically, whatever the length or leading zeros', () => {
    expect(['10', '9', '20250101000000', '0002'].sort(compareVersions)).toEqual([
      '0002',
      '9',
      '10',
      '20250101000000',
    ]);
    expect(compareVersions('007', '7')).toBe(0);
  });

  it('stamps UTC time and never goes backwards', () => {
    const now = new Date(Date.UTC(2025, 0, 14, 9, 30, 5));
    expect(timestampVersion(now)).toBe('20250114093005');
    expect(nextVersion(['20250114093005'], now)).toBe('20250114093006');
    expect(nextVersion(['20240101000000'], now)).toBe('20250114093005');
  });
});

describe('checksums', () => {
  it('ignores line endings and covers the down file', () => {
    const up = 'MATCH (a:Account)\nSET a.risk = 0;\n';
    expect(migrationChecksum(up)).toBe(migrationChecksum(up.replaceAll('\n', '\r\n')));
    expect(migrationChecksum(up)).toMatch(/^[0-9a-f]{64}$/);
    expect(migrationChecksum(up, 'MATCH (a:Account) REMOVE a.risk;')).not.toBe(migrationChecksum(up));
    expect(migrationChecksum(up, '')).not.toBe(migrationChecksum(up));
  });
});

describe('splitCypher', () => {
  it('splits at ; ending a line and drops comment-only lines', () => {
    const text = [
      '// Flag accounts that received money from a flagged account',
      'MATCH (a:Account)<-[:SENT_TO]-(:Account {flagged: true})',
      "SET a.risk = 'high'; ",
      '',
      'CREATE INDEX account_risk IF NOT EXISTS FOR (a:Account) ON (a.risk); // for the dashboard',
      "MATCH (m:Merchant) WHERE m.url = 'https://shop.example;x' // inline comment stays",
      'SET m.checked = true',
    ].join('\n');
    expect(splitCypher(text)).toEqual([
      "MATCH (a:Account)<-[:SENT_TO]-(:Account {flagged: true})\nSET a.risk = 'high'",
      'CREATE INDEX account_risk IF NOT EXISTS FOR (a:Account) ON (a.risk)',
      "MATCH (m:Merchant) WHERE m.url = 'https://shop.example;x' // inline comment stays\nSET m.checked = true",
    ]);
    expect(splitCypher('// nothing here\n\n')).toEqual([]);
  });
});

describe('statementKind', () => {
  it('recognises schema commands, batched statements and plain ones', () => {
    expect(statementKind('CREATE INDEX a IF NOT EXISTS FOR (n:Account) ON (n.iban)')).toBe('schema');
    expect(statementKind('// why\ncreate text index t for (n:Merchant) on (n.name)')).toBe('schema');
    expect(statementKind('DROP CONSTRAINT account_iban_unique IF EXISTS')).toBe('schema');
    expect(
      statementKind('MATCH (t:Transaction) CALL (t) { SET t.seen = true } IN TRANSACTIONS OF 500 ROWS'),
    ).toBe('batched');
    expect(statementKind('CREATE (:Account {iban: $iban})')).toBe('plain');
  });
});

describe('loadMigrations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cartograph-load-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads, pairs and orders migrations, with checksums and down detection', async () => {
    await writeFile(join(dir, '10_tag_merchants.cypher'), 'MATCH (m:Merchant) SET m.tagged = true;\n');
    await writeFile(join(dir, '10_tag_merchants.down.cypher'), 'MATCH (m:Merchant) REMOVE m.tagged;\n');
    await writeFile(join(dir, '9_seed.ts'), 'export async function up() {}\n');
    await writeFile(
      join(dir, '11_flag.ts'),
      'export async function up() {}\nexport const down = async () => {};\n',
    );
    await writeFile(join(dir, 'README.md'), '# migrations');
    await writeFile(join(dir, '_shared.ts'), 'export const x = 1;');
    const files = await loadMigrations(dir);
    expect(files.map((file) => [file.version, file.name, file.kind, file.hasDown])).toEqual([
      ['9', 'seed', 'ts', false],
      ['10', 'tag_merchants', 'cypher', true],
      ['11', 'flag', 'ts', true],
    ]);
    expect(files[1]!.checksum).toBe(
      migrationChecksum('MATCH (m:Merchant) SET m.tagged = true;\n', 'MATCH (m:Merchant) REMOVE m.tagged;\n'),
    );
    expect(files[1]!.downPath).toBe(join(dir, '10_tag_merchants.down.cypher'));
  });

  it('returns nothing for a missing folder', async () => {
    expect(await loadMigrations(join(dir, 'nope'))).toEqual([]);
  });

  it.each([
    [{ '1_a.cypher': '', '01_b.cypher': '' }, 'MIGRATION_DUPLICATE_VERSION'],
    [{ 'add_index.cypher': '' }, 'MIGRATION_INVALID_FILE'],
    [{ '1_a.ts': '', '1_a.down.cypher': '' }, 'MIGRATION_INVALID_FILE'],
  ])('rejects %j with %s', async (files, code) => {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const error = await loadMigrations(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code });
  });
});
