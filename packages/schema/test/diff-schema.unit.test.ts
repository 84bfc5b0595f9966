import type { PlannedSchemaItem } from '@cartograph/core/internal';
import { diffSchema, isInSync, type SchemaItem } from '../src';

// A bookstore: books by ISBN, a text index on titles, a vector index on blurbs, purchases with
// an indexed date, and an Enterprise-only existence constraint on the price.
const planned: PlannedSchemaItem[] = [
  {
    kind: 'constraint',
    name: 'book_isbn_unique',
    entity: 'node',
    label: 'Book',
    properties: ['isbn'],
    type: 'unique',
    source: 'Book.isbn',
  },
  {
    kind: 'index',
    name: 'book_title_text',
    entity: 'node',
    label: 'Book',
    properties: ['title'],
    type: 'text',
    source: 'Book.title',
  },
  {
    kind: 'index',
    name: 'book_blurb_vector',
    entity: 'node',
    label: 'Book',
    properties: ['blurb'],
    type: 'vector',
    vector: { dimensions: 4, similarity: 'cosine' },
    source: 'Book.blurb',
  },
  {
    kind: 'index',
    name: 'purchased_at_range',
    entity: 'relationship',
    label: 'PURCHASED',
    properties: ['at'],
    type: 'range',
    source: 'Purchase.at',
  },
  {
    kind: 'constraint',
    name: 'book_price_exists',
    entity: 'node',
    label: 'Book',
    properties: ['price'],
    type: 'exists',
    enterpriseOnly: true,
    source: 'Book.price',
  },
];

const actual = (overrides: Partial<SchemaItem> & Pick<SchemaItem, 'name' | 'kind' | 'type'>): SchemaItem => ({
  entity: 'node',
  labels: ['Book'],
  properties: ['isbn'],
  options: {},
  ...overrides,
});

describe('diffSchema', () => {
  it('creates everything on an empty database and reports Enterprise-only items on Community', () => {
    const diff = diffSchema(planned, { edition: 'community', version: '5.26.30', items: [] });
    expect(diff.toCreate.map((item) => item.name)).toEqual([
      'book_isbn_unique',
      'book_title_text',
      'book_blurb_vector',
      'purchased_at_range',
    ]);
    expect(diff.toCreate[0]).toMatchObject({
      kind: 'constraint',
      type: 'UNIQUENESS',
      labels: ['Book'],
      properties: ['isbn'],
    });
    expect(diff.toCreate[3]).toMatchObject({ entity: 'relationship', type: 'RANGE', labels: ['PURCHASED'] });
    expect(diff.unsupported).toHaveLength(1);
    expect(diff.unsupported[0]!.item).toMatchObject({
      name: 'book_price_exists',
      type: 'NODE_PROPERTY_EXISTENCE',
    });
    expect(diff.unsupported[0]!.reason).toMatch(/Enterprise Edition.*Community 5\.26\.30/);
    expect(diff.unsupported[0]!.reason).toContain('Book.price');
  });

  it('plans Enterprise-only items as creates on Enterprise', () => {
    const diff = diffSchema(planned, { edition: 'enterprise', items: [] });
    expect(diff.unsupported).toEqual([]);
    expect(diff.toCreate.map((item) => item.name)).toContain('book_price_exists');
  });

  it('leaves matching items unchanged, comparing vector settings the way Neo4j reports them', () => {
    const items: SchemaItem[] = [
      actual({ name: 'book_isbn_unique', kind: 'constraint', type: 'UNIQUENESS' }),
      actual({ name: 'book_title_text', kind: 'index', type: 'TEXT', properties: ['title'] }),
      actual({
        name: 'book_blurb_vector',
        kind: 'index',
        type: 'VECTOR',
        properties: ['blurb'],
        options: { 'vector.dimensions': 4, 'vector.similarity_function': 'COSINE', 'vector.hnsw.m': 16 },
      }),
      actual({
        name: 'purchased_at_range',
        kind: 'index',
        type: 'RANGE',
        entity: 'relationship',
        labels: ['PURCHASED'],
        properties: ['at'],
      }),
    ];
    const diff = diffSchema(planned, { edition: 'community', items });
    expect(diff.unchanged.map((item) => item.name)).toEqual([
      'book_isbn_unique',
      'book_title_text',
      'book_blurb_vector',
      'purchased_at_range',
    ]);
    expect(diff.toCreate).toEqual([]);
    expect(diff.toDrop).toEqual([]);
    expect(isInSync(diff, { drop: true })).toBe(true);
  });

  it('reports the same name with another definition as a conflict', () => {
    const items = [actual({ name: 'book_title_text', kind: 'index', type: 'RANGE', properties: ['title'] })];
    const diff = diffSchema(planned, { edition: 'community', items });
    expect(diff.conflicts).toHaveLength(1);
    expect(diff.conflicts[0]).toMatchObject({
      name: 'book_title_text',
      planned: { type: 'TEXT' },
      actual: { type: 'RANGE' },
    });
    expect(diff.conflicts[0]!.reason).toMatch(/RANGE index where the models declare a TEXT index/);
    expect(diff.toCreate.map((item) => item.name)).not.toContain('book_title_text');
    expect(isInSync(diff)).toBe(false);
  });

  it('reports different vector dimensions as a conflict', () => {
    const items = [
      actual({
        name: 'book_blurb_vector',
        kind: 'index',
        type: 'VECTOR',
        properties: ['blurb'],
        options: { 'vector.dimensions': 8, 'vector.similarity_function': 'COSINE' },
      }),
    ];
    const [conflict] = diffSchema(planned, { edition: 'community', items }).conflicts;
    expect(conflict!.reason).toContain('its vector.dimensions is 8 instead of 4');
  });

  it('adopts the planned definition under another name: neither a conflict nor a create', () => {
    const items = [actual({ name: 'constraint_1a2b3c', kind: 'constraint', type: 'UNIQUENESS' })];
    const diff = diffSchema(planned, { edition: 'community', items });
    expect(diff.adopted).toEqual([
      expect.objectContaining({
        name: 'book_isbn_unique',
        actual: expect.objectContaining({ name: 'constraint_1a2b3c' }),
      }),
    ]);
    expect(diff.conflicts).toEqual([]);
    expect(diff.toCreate.map((i) => i.name)).not.toContain('book_isbn_unique');
    expect(diff.toDrop).toEqual([]);
  });

  it('offers undeclared items for dropping, sorted, but never the migration bookkeeping', () => {
    const items = [
      actual({ name: 'zz_legacy', kind: 'index', type: 'RANGE', labels: ['Author'], properties: ['born'] }),
      actual({ name: 'author_name', kind: 'index', type: 'TEXT', labels: ['Author'], properties: ['name'] }),
      actual({
        name: 'cartograph_migration_lock_id_unique',
        kind: 'constraint',
        type: 'UNIQUENESS',
        labels: ['__CartographMigrationLock'],
        properties: ['id'],
      }),
    ];
    const diff = diffSchema(planned, { edition: 'community', items });
    expect(diff.toDrop.map((item) => item.name)).toEqual(['author_name', 'zz_legacy']);
    expect(isInSync({ ...diff, toCreate: [] })).toBe(true);
    expect(isInSync({ ...diff, toCreate: [] }, { drop: true })).toBe(false);
  });

  it('compares fulltext labels and properties as sets', () => {
    const fulltext: PlannedSchemaItem = {
      kind: 'index',
      name: 'ft',
      entity: 'node',
      label: 'Book',
      properties: ['title'],
      type: 'fulltext',
      source: 'x',
    };
    const items = [
      actual({ name: 'ft', kind: 'index', type: 'FULLTEXT', labels: ['Book'], properties: ['title'] }),
    ];
    expect(diffSchema([fulltext], { edition: 'community', items }).unchanged).toHaveLength(1);
  });
});
