import { Migrator } from '../src';
import { type MigrationsFolder, migrationsFolder } from './support/migrations-folder';
import { count, rows, useConnection } from './support/test-graph';

// 20 000 card holders of a fraud-detection graph are renamed and backfilled in batches.
const CUSTOMERS = 20_000;
const CARDS = 5_000;

const REFACTOR = `import type { MigrationContext } from '@cartograph/migrations';

export async function up(ctx: MigrationContext): Promise<void> {
  const moved = await ctx.renameLabel('Customer', 'CardHolder', { batchSize: 5000 });
  const renamed = await ctx.renameProperty('CardHolder', 'segment', 'tier');
  const defaulted = await ctx.setDefault('CardHolder', 'tier', 'standard', { batchSize: 4000 });
  const retyped = await ctx.renameRelationshipType('PAID_WITH', 'USES_CARD', { batchSize: 1000 });
  const relProps = await ctx.renameProperty('USES_CARD', 'since', 'sinceYear', { entity: 'relationship' });
  ctx.log(\`moved=\${moved} renamed=\${renamed} defaulted=\${defaulted} retyped=\${retyped} relProps=\${relProps}\`);
}

export async function down(ctx: MigrationContext): Promise<void> {
  await ctx.renameProperty('USES_CARD', 'sinceYear', 'since', { entity: 'relationship' });
  await ctx.renameRelationshipType('USES_CARD', 'PAID_WITH');
  await ctx.renameProperty('CardHolder', 'tier', 'segment');
  await ctx.renameLabel('CardHolder', 'Customer');
}
`;

const IN_TRANSACTIONS = `// Scores every card holder; IN TRANSACTIONS needs an auto-commit transaction of its own.
MATCH (r:RiskModel) DETACH DELETE r;
CREATE (:RiskModel {name: 'v2'});
MATCH (c:CardHolder)
CALL (c) {
  SET c.riskScore = c.id % 100
} IN TRANSACTIONS OF 2500 ROWS;
`;

const BATCH = `import type { MigrationContext } from '@cartograph/migrations';

export async function up(ctx: MigrationContext): Promise<void> {
  await ctx.batch('SET c.reviewed = c.riskScore < $threshold', {
    over: 'MATCH (c:CardHolder) WHERE c.reviewed IS NULL RETURN c',
    params: { threshold: 90 },
    batchSize: 8000,
  });
  await ctx.batch('MATCH (c:CardHolder) WHERE c.id <= 10 CALL (c) { SET c.vip = true } IN TRANSACTIONS OF 5 ROWS');
}

export async function down(ctx: MigrationContext): Promise<void> {
  await ctx.run('MATCH (c:CardHolder) REMOVE c.reviewed');
}
`;

describe('batched refactoring helpers on 20k nodes', () => {
  const connection = useConnection();
  let folder: MigrationsFolder;
  const progress: Array<[string, number, number]> = [];
  let migrator: Migrator;

  beforeAll(async () => {
    await connection
      .graph()
      .cypher(
        "UNWIND range(1, $n) AS i CREATE (:Customer {id: i, segment: CASE WHEN i % 2 = 0 THEN 'retail' END})",
        { n: CUSTOMERS },
      );
    await connection
      .graph()
      .cypher(
        'MATCH (c:Customer) WHERE c.id <= $n CREATE (c)-[:PAID_WITH {since: 2020}]->(:Card {number: c.id})',
        { n: CARDS },
      );
    folder = await migrationsFolder({
      '1_rename_customers.ts': REFACTOR,
      '2_score_card_holders.cypher': IN_TRANSACTIONS,
      '3_review.ts': BATCH,
    });
    migrator = new Migrator(connection.graph(), {
      dir: folder.dir,
      log: connection.log,
      progress: (label, done, total) => progress.push([label, done, total]),
    });
  });
  afterAll(() => folder.dispose());

  it('renames labels, properties and relationship types and sets defaults, reporting progress per batch', async () => {
    await migrator.up({ to: '1' });
    expect(connection.lines).toContain(
      `[1_rename_customers] moved=${CUSTOMERS} renamed=${CUSTOMERS / 2} defaulted=${CUSTOMERS / 2} retyped=${CARDS} relProps=${CARDS}`,
    );
    const graph = connection.graph();
    expect(await count(graph, 'MATCH (c:Customer) RETURN count(c) AS n')).toBe(0);
    expect(await count(graph, 'MATCH (c:CardHolder) RETURN count(c) AS n')).toBe(CUSTOMERS);
    expect(
      await rows(graph, 'MATCH (c:CardHolder) RETURN c.tier AS tier, count(*) AS n ORDER BY tier'),
    ).toEqual([
      { tier: 'retail', n: CUSTOMERS / 2 },
      { tier: 'standard', n: CUSTOMERS / 2 },
    ]);
    expect(await count(graph, 'MATCH (c:CardHolder) WHERE c.segment IS NOT NULL RETURN count(c) AS n')).toBe(
      0,
    );
    expect(await count(graph, 'MATCH ()-[r:PAID_WITH]->() RETURN count(r) AS n')).toBe(0);
    expect(
      await count(
        graph,
        'MATCH (:CardHolder)-[r:USES_CARD {sinceYear: 2020}]->(:Card) WHERE r.since IS NULL RETURN count(r) AS n',
      ),
    ).toBe(CARDS);

    const of = (label: string) =>
      progress.filter(([name]) => name === label).map(([, done, total]) => [done, total]);
    expect(of('renameLabel Customer -> CardHolder')).toEqual([
      [0, 20000],
      [5000, 20000],
      [10000, 20000],
      [15000, 20000],
      [20000, 20000],
    ]);
    expect(of('setDefault CardHolder.tier')).toEqual([
      [0, 10000],
      [4000, 10000],
      [8000, 10000],
      [10000, 10000],
    ]);
    expect(of('renameRelationshipType PAID_WITH -> USES_CARD')).toHaveLength(6);
  });

  it('runs a .cypher statement with CALL { } IN TRANSACTIONS in its own auto-commit transaction', async () => {
    const result = await migrator.up({ to: '2' });
    expect(result.migrations[0]!.statements).toHaveLength(3);
    expect(
      await count(connection.graph(), 'MATCH (c:CardHolder) WHERE c.riskScore IS NULL RETURN count(c) AS n'),
    ).toBe(0);
    expect(await count(connection.graph(), 'MATCH (r:RiskModel) RETURN count(r) AS n')).toBe(1);
  });

  it('runs per-row Cypher over a row source with batch()', async () => {
    await migrator.up();
    expect(
      await rows(
        connection.graph(),
        'MATCH (c:CardHolder) RETURN c.reviewed AS reviewed, count(*) AS n ORDER BY reviewed',
      ),
    ).toEqual([
      { reviewed: false, n: 2000 },
      { reviewed: true, n: 18000 },
    ]);
    expect(progress.filter(([label]) => label === 'batch 3_review').map(([, done]) => done)).toEqual([
      0, 8000, 16000, 20000, 0,
    ]);
    expect(await count(connection.graph(), 'MATCH (c:CardHolder {vip: true}) RETURN count(c) AS n')).toBe(10);
  });

  it('reverts the refactoring with the same helpers', async () => {
    // 2 has no down: the plan says so before anything runs, so not even 3 is reverted.
    await expect(migrator.down({ to: '0' })).rejects.toMatchObject({ code: 'MIGRATION_NO_DOWN' });
    expect(
      await count(
        connection.graph(),
        'MATCH (c:CardHolder) WHERE c.reviewed IS NOT NULL RETURN count(c) AS n',
      ),
    ).toBe(CUSTOMERS);
    await folder.write('2_score_card_holders.down.cypher', 'MATCH (r:RiskModel) DELETE r;\n');
    await migrator.repair();
    await migrator.down({ to: '0' });
    expect(
      await count(connection.graph(), "MATCH (c:Customer {segment: 'retail'}) RETURN count(c) AS n"),
    ).toBe(CUSTOMERS / 2);
    expect(await count(connection.graph(), 'MATCH (c:CardHolder) RETURN count(c) AS n')).toBe(0);
    expect(
      await count(connection.graph(), 'MATCH ()-[r:PAID_WITH {since: 2020}]->() RETURN count(r) AS n'),
    ).toBe(CARDS);
  });
});
