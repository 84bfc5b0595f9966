import { Graph, type QueryEvent } from '@cartograph/core';
import {
  diffSchema,
  isInSync,
  planFromRegistry,
  readDatabaseSchema,
  schemaStatements,
  syncSchema,
} from '../src';
import './support/bookstore-models';

const COMMUNITY_ITEMS = [
  'book_blurb_fulltext',
  'book_embedding_vector',
  'book_isbn_unique',
  'book_title_text',
  'book_year_range',
  'customer_email_unique',
  'customer_location_point',
  'purchased_orderref_unique',
  'purchased_purchasedat_range',
];
const ENTERPRISE_ITEMS = ['giftcard_holder_exists', 'giftcard_holder_type', 'giftcard_issuer_number_key'];

describe('schema sync against Neo4j (bookstore)', () => {
  let graph: Graph;
  const deprecations: string[] = [];

  beforeAll(async () => {
    graph = await Graph.connect({
      url: process.env.NEO4J_URI!,
      auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
      logger: (event: QueryEvent) => {
        for (const notification of event.notifications) {
          if (notification.category === 'DEPRECATION')
            deprecations.push(`${notification.title}\n${event.cypher}`);
        }
      },
    });
  });

  afterAll(async () => {
    await graph.close();
  });

  const names = (items: ReadonlyArray<{ name: string }>) => items.map((item) => item.name).sort();
  const run = (cypher: string) => graph.run({ cypher, params: {} }, 'WRITE', () => undefined);

  it('plans node, relationship and Enterprise-only items with deterministic names', () => {
    const planned = planFromRegistry();
    expect(names(planned)).toEqual([...COMMUNITY_ITEMS, ...ENTERPRISE_ITEMS].sort());
    expect(planned.find((item) => item.name === 'purchased_purchasedat_range')).toMatchObject({
      entity: 'relationship',
      label: 'PURCHASED',
      type: 'range',
    });
    expect(planned.find((item) => item.name === 'giftcard_holder_type')).toMatchObject({
      type: 'propertyType',
      propertyType: 'STRING',
      enterpriseOnly: true,
    });
  });

  it('creates what the models declare and reports Enterprise-only items as unsupported', async () => {
    const result = await syncSchema(graph);
    expect(result.applied).toBe(true);
    expect(names(result.diff.toCreate)).toEqual(COMMUNITY_ITEMS);
    expect(result.statements).toHaveLength(COMMUNITY_ITEMS.length);
    expect(names(result.diff.unsupported.map((entry) => entry.item))).toEqual(ENTERPRISE_ITEMS);
    for (const entry of result.diff.unsupported)
      expect(entry.reason).toMatch(/needs Neo4j Enterprise Edition; this database runs Neo4j Community 5\./);

    const schema = await readDatabaseSchema(graph);
    expect(schema.edition).toBe('community');
    expect(schema.version).toMatch(/^5\./);
    expect(names(schema.items)).toEqual(COMMUNITY_ITEMS);
    expect(schema.items.find((item) => item.name === 'purchased_purchasedat_range')).toMatchObject({
      kind: 'index',
      entity: 'relationship',
      labels: ['PURCHASED'],
      type: 'RANGE',
    });
    expect(schema.items.find((item) => item.name === 'purchased_orderref_unique')).toMatchObject({
      kind: 'constraint',
      type: 'RELATIONSHIP_UNIQUENESS',
    });
    const states = await graph.run(
      { cypher: "SHOW INDEXES YIELD name, state WHERE state <> 'ONLINE' RETURN name", params: {} },
      'READ',
      (r) => r.get('name'),
    );
    expect(states).toEqual([]);
  });

  it('changes nothing on a second run', async () => {
    const result = await syncSchema(graph, { drop: true });
    expect(result.statements).toEqual([]);
    expect(result.diff.toCreate).toEqual([]);
    expect(result.diff.toDrop).toEqual([]);
    expect(names(result.diff.unchanged)).toEqual(COMMUNITY_ITEMS);
  });

  it('drops undeclared items only with drop, never the migration bookkeeping', async () => {
    await run('CREATE INDEX legacy_author_born FOR (n:Author) ON (n.born)');
    await run(
      'CREATE CONSTRAINT cartograph_migration_lock_id_unique FOR (n:__CartographMigrationLock) REQUIRE n.id IS UNIQUE',
    );
    const dry = await syncSchema(graph, { drop: true, dryRun: true });
    expect(dry.applied).toBe(false);
    expect(dry.statements).toEqual(['DROP INDEX legacy_author_born IF EXISTS']);

    const kept = await syncSchema(graph);
    expect(names(kept.diff.toDrop)).toEqual(['legacy_author_born']);
    expect(kept.statements).toEqual([]);
    expect(names((await readDatabaseSchema(graph)).items)).toContain('legacy_author_born');

    await syncSchema(graph, { drop: true });
    const after = names((await readDatabaseSchema(graph)).items);
    expect(after).not.toContain('legacy_author_born');
    expect(after).toContain('cartograph_migration_lock_id_unique');
  });

  it('reports a conflict for the same name with another definition and replaces it only with drop', async () => {
    await run('DROP INDEX book_year_range');
    await run('CREATE TEXT INDEX book_year_range FOR (n:Book) ON (n.isbn)');
    const without = await syncSchema(graph);
    expect(without.diff.conflicts).toHaveLength(1);
    expect(without.diff.conflicts[0]!.reason).toMatch(
      /TEXT index where the models declare a RANGE index; its properties are \(isbn\) instead of \(year\)/,
    );
    expect(without.statements).toEqual([]);

    const replaced = await syncSchema(graph, { drop: true });
    expect(replaced.statements).toEqual([
      'DROP INDEX book_year_range IF EXISTS',
      'CREATE INDEX book_year_range IF NOT EXISTS FOR (n:Book) ON (n.year)',
    ]);
    const item = (await readDatabaseSchema(graph)).items.find((entry) => entry.name === 'book_year_range');
    expect(item).toMatchObject({ type: 'RANGE', properties: ['year'] });
  });

  it('adopts a declared constraint that exists under another name, without dropping it', async () => {
    await run('DROP CONSTRAINT customer_email_unique');
    await run('CREATE CONSTRAINT legacy_customer_email FOR (n:Customer) REQUIRE n.email IS UNIQUE');
    const schema = await readDatabaseSchema(graph);
    const diff = diffSchema(planFromRegistry(), schema);
    expect(diff.conflicts).toEqual([]);
    expect(diff.adopted.map((a) => [a.name, a.actual.name])).toEqual([
      ['customer_email_unique', 'legacy_customer_email'],
    ]);
    expect(diff.toDrop).toEqual([]);
    expect(isInSync(diff, { drop: true })).toBe(true);
    expect(schemaStatements(diff, { drop: true })).toEqual([]);
    await syncSchema(graph, { drop: true });
    expect(names((await readDatabaseSchema(graph)).items)).toContain('legacy_customer_email');
  });

  it('drew no deprecation warnings from Neo4j', () => {
    expect(deprecations).toEqual([]);
  });
});
