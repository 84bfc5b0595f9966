import { Migrator } from '../src';
import { type MigrationsFolder, migrationsFolder } from './support/migrations-folder';
import { clearData, count, useConnection } from './support/test-graph';

describe('repeatable migrations (R__<name>): run after the versioned ones, again when changed', () => {
  const connection = useConnection();
  let folder: MigrationsFolder;
  let migrator: Migrator;

  beforeEach(async () => {
    await clearData(connection.graph());
    folder = await migrationsFolder({
      '20240101000000_movies.cypher': "CREATE (:Movie {title: 'Heat', rating: 8});\n",
      'R__refresh_views.cypher':
        'MATCH (v:TopMovies) DETACH DELETE v;\nMATCH (m:Movie) WHERE m.rating >= 8 CREATE (:TopMovies {title: m.title});\n',
    });
    migrator = new Migrator(connection.graph(), { dir: folder.dir, log: connection.log });
  });
  afterEach(() => folder.dispose());

  const states = async () =>
    (await migrator.status()).map((s) => `${s.repeatable ? 'R:' : ''}${s.version}:${s.state}`);

  it('runs after the versioned migrations, skips an unchanged one, reruns a changed one', async () => {
    expect(await states()).toEqual(['20240101000000:pending', 'R:R__refresh_views:pending']);
    const first = await migrator.up();
    expect(first.migrations.map((m) => m.version)).toEqual(['20240101000000', 'R__refresh_views']);
    expect(await count(connection.graph(), 'MATCH (v:TopMovies) RETURN count(v) AS n')).toBe(1);
    expect(await states()).toEqual(['20240101000000:applied', 'R:R__refresh_views:applied']);

    expect((await migrator.up()).migrations).toEqual([]);

    await folder.write('20240201000000_more.cypher', "CREATE (:Movie {title: 'Ronin', rating: 7});\n");
    await folder.write('20240201000000_more.down.cypher', "MATCH (m:Movie {title: 'Ronin'}) DELETE m;\n");
    await folder.write(
      'R__refresh_views.cypher',
      'MATCH (v:TopMovies) DETACH DELETE v;\nMATCH (m:Movie) WHERE m.rating >= 7 CREATE (:TopMovies {title: m.title});\n',
    );
    expect(await states()).toEqual([
      '20240101000000:applied',
      '20240201000000:pending',
      'R:R__refresh_views:outdated',
    ]);
    // A changed repeatable is not tampering.
    expect(await migrator.validate()).toMatchObject({ ok: true });
    expect((await migrator.up({ dryRun: true })).migrations.map((m) => m.version)).toEqual([
      '20240201000000',
      'R__refresh_views',
    ]);
    expect((await migrator.up()).migrations.map((m) => m.version)).toEqual([
      '20240201000000',
      'R__refresh_views',
    ]);
    expect(await count(connection.graph(), 'MATCH (v:TopMovies) RETURN count(v) AS n')).toBe(2);
    expect(await states()).toEqual([
      '20240101000000:applied',
      '20240201000000:applied',
      'R:R__refresh_views:applied',
    ]);
    // Not part of the versioned chain: down reverts the versioned migration only.
    expect((await migrator.down()).migrations.map((m) => m.version)).toEqual(['20240201000000']);
    expect(await count(connection.graph(), 'MATCH (m:__CartographRepeatable) RETURN count(m) AS n')).toBe(1);
    expect(await migrator.clean()).toBe(1);
    expect(await count(connection.graph(), 'MATCH (m:__CartographRepeatable) RETURN count(m) AS n')).toBe(0);
  });

  it('records a failed repeatable, reports it, and runs it again once fixed', async () => {
    await folder.write('R__refresh_views.cypher', 'THIS IS NOT CYPHER;\n');
    await expect(migrator.up()).rejects.toMatchObject({ code: 'MIGRATION_FAILED' });
    expect(await states()).toEqual(['20240101000000:applied', 'R:R__refresh_views:failed']);
    expect((await migrator.validate()).ok).toBe(false);
    await folder.write('R__refresh_views.cypher', 'CREATE (:TopMovies {title: "Heat"});\n');
    expect((await migrator.up()).migrations.map((m) => m.version)).toEqual(['R__refresh_views']);
    expect(await states()).toEqual(['20240101000000:applied', 'R:R__refresh_views:applied']);
  });

  it('runs a .ts repeatable and leaves repeatables out of up --to', async () => {
    await folder.write(
      'R__counts.ts',
      "export async function up(ctx) { await ctx.run('MERGE (c:Counter {id: 1}) SET c.n = coalesce(c.n, 0) + 1'); }\n",
    );
    expect((await migrator.up({ to: '20240101000000' })).migrations.map((m) => m.version)).toEqual([
      '20240101000000',
    ]);
    expect((await migrator.up()).migrations.map((m) => m.version)).toEqual(['R__counts', 'R__refresh_views']);
    expect(await count(connection.graph(), 'MATCH (c:Counter) RETURN c.n AS n')).toBe(1);
  });
});
