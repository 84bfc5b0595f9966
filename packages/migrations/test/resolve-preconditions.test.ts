// resolve (mark without running) and `// @precondition` comments in .cypher migrations.
import { Migrator } from '../src';
import { type MigrationsFolder, migrationsFolder } from './support/migrations-folder';
import { count, useConnection } from './support/test-graph';

describe('resolve and preconditions', () => {
  const connection = useConnection();
  let folder: MigrationsFolder;
  let migrator: Migrator;
  const states = async () => (await migrator.status()).map((s) => `${s.version}:${s.state}`);

  beforeAll(async () => {
    folder = await migrationsFolder({
      '1_by_hand.cypher': "CREATE (:Genre {name: 'Noir'});\n",
      '2_enterprise_only.cypher':
        "// @precondition skip edition is enterprise\nCREATE (:Genre {name: 'Enterprise'});\n",
      '3_needs_noir.cypher':
        "// @precondition fail query MATCH (g:Genre {name: 'Noir'}) RETURN count(g) > 0\n// @precondition fail version >= 5.0\nCREATE (:Genre {name: 'Neo-noir'});\n",
    });
    migrator = new Migrator(connection.graph(), { dir: folder.dir, log: connection.log });
  });
  afterAll(() => folder.dispose());

  it('marks a migration applied without running it, and rolled back without running its down', async () => {
    await migrator.resolve('1', 'applied');
    expect(await count(connection.graph(), 'MATCH (g:Genre) RETURN count(g) AS n')).toBe(0);
    expect((await states())[0]).toBe('1:applied');
    await expect(migrator.resolve('1', 'applied')).rejects.toMatchObject({
      code: 'MIGRATION_CANNOT_RESOLVE',
    });
    await migrator.resolve('1', 'rolled-back');
    expect((await states())[0]).toBe('1:pending');
    await expect(migrator.resolve('9', 'applied')).rejects.toMatchObject({
      code: 'MIGRATION_CANNOT_RESOLVE',
    });
  });

  it('fails a run on an unmet fail precondition, then skips an unmet skip precondition', async () => {
    await expect(migrator.up({ to: '0' })).resolves.toMatchObject({ migrations: [] });
    await folder.write('1_by_hand.cypher', 'CREATE (:Other);\n');
    await migrator.up({ to: '1' });
    const error = await migrator.up().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MIGRATION_PRECONDITION_FAILED' });
    expect(await states()).toEqual(['1:applied', '2:pending', '3:pending']);

    await connection.graph().writeTransaction((tx) => tx.run("CREATE (:Genre {name: 'Noir'})"));
    const result = await migrator.up();
    expect(result.migrations.map((m) => m.version)).toEqual(['3']);
    expect(result.skipped).toEqual([
      { version: '2', name: 'enterprise_only', precondition: '@precondition skip edition is enterprise' },
    ]);
    expect(await states()).toEqual(['1:applied', '2:pending', '3:applied']);
  });

  it('clean forgets the history but keeps the data', async () => {
    expect(await migrator.clean()).toBe(2);
    expect(await states()).toEqual(['1:pending', '2:pending', '3:pending']);
    expect(await count(connection.graph(), 'MATCH (g:Genre) RETURN count(g) AS n')).toBe(2);
  });
});
