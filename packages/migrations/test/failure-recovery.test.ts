// Recovery after a failure: the failing statement's position in the file, the statements that
// committed before it, down reverting the failed migration, and down's refusals.
import type { MigrationError } from '../src';
import { Migrator } from '../src';
import { type MigrationsFolder, migrationsFolder } from './support/migrations-folder';
import { useConnection } from './support/test-graph';

describe('a migration that fails half-way', () => {
  const connection = useConnection();
  let folder: MigrationsFolder;
  let migrator: Migrator;

  beforeAll(async () => {
    folder = await migrationsFolder({
      '1_base.cypher': "CREATE (:Merchant {name: 'Acme Pay'});\n",
      '1_base.down.cypher': 'MATCH (m:Merchant) DELETE m;\n',
      // The constraint commits on its own; the typo sits on line 5, column 8 of the file.
      '2_half.cypher':
        '// adds a constraint, then fails\nCREATE CONSTRAINT half_key IF NOT EXISTS FOR (n:Half) REQUIRE n.key IS UNIQUE;\n\nMATCH (n:Half)\nRETURN n LIMT 1;\n',
      '2_half.down.cypher': 'DROP CONSTRAINT half_key IF EXISTS;\n',
      '3_empty.cypher': "CREATE (:Merchant {name: 'Globex'});\n",
      '3_empty.down.cypher': '// nothing\n',
    });
    migrator = new Migrator(connection.graph(), { dir: folder.dir, log: connection.log });
  });
  afterAll(() => folder.dispose());

  it('names the statements that committed and the failing position in the file', async () => {
    const error = (await migrator.up().catch((caught: unknown) => caught)) as MigrationError;
    expect(error.code).toBe('MIGRATION_FAILED');
    expect(error.message).toMatch(/2_half\.cypher:5:\d+: /);
    expect(error.message).toContain('1. CREATE CONSTRAINT half_key IF NOT EXISTS');
  });

  it('down reverts the failed migration, not the one applied before it', async () => {
    const result = await migrator.down();
    expect(result.migrations.map((m) => m.version)).toEqual(['2']);
    expect((await migrator.status()).map((s) => `${s.version}:${s.state}`)).toEqual([
      '1:applied',
      '2:pending',
      '3:pending',
    ]);
  });

  it('down refuses an empty .down.cypher unless allowed, and an unknown version', async () => {
    await folder.write('2_half.cypher', "CREATE (:Half {key: 'k'});\n");
    await migrator.up();
    await expect(migrator.down()).rejects.toMatchObject({ code: 'MIGRATION_EMPTY_DOWN' });
    await expect(migrator.down({ to: '123' })).rejects.toMatchObject({ code: 'MIGRATION_INVALID_ARGUMENT' });
    const result = await migrator.down({ allowEmptyDown: true });
    expect(result.migrations.map((m) => m.version)).toEqual(['3']);
  });
});
