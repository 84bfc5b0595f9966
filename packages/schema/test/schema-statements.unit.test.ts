import type { PlannedSchemaItem } from '@cartograph/core/internal';
import { diffSchema, type SchemaItem, schemaDownStatements, schemaStatements } from '../src';
import { constraintFromRow, indexFromRow } from '../src/normalise-actual';

const planned: PlannedSchemaItem[] = [
  {
    kind: 'constraint',
    name: 'customer_email_unique',
    entity: 'node',
    label: 'Customer',
    properties: ['email'],
    type: 'unique',
    source: 'Customer.email',
  },
  {
    kind: 'index',
    name: 'order_placedat_range',
    entity: 'node',
    label: 'Order',
    properties: ['placedAt'],
    type: 'range',
    source: 'Order.placedAt',
  },
  {
    kind: 'index',
    name: 'book_embedding_vector',
    entity: 'node',
    label: 'Book',
    properties: ['embedding'],
    type: 'vector',
    vector: { dimensions: 3, similarity: 'euclidean' },
    source: 'Book.embedding',
  },
];

const undeclared: SchemaItem = {
  name: 'legacy_title',
  kind: 'index',
  entity: 'node',
  labels: ['Book'],
  properties: ['title'],
  type: 'TEXT',
  options: {},
};
const wrongType: SchemaItem = {
  name: 'order_placedat_range',
  kind: 'index',
  entity: 'node',
  labels: ['Order'],
  properties: ['placedAt'],
  type: 'TEXT',
  options: {},
};

describe('schemaStatements', () => {
  const diff = diffSchema(planned, { edition: 'community', items: [undeclared, wrongType] });

  it('creates with IF NOT EXISTS and leaves drops and conflicts alone without drop', () => {
    expect(schemaStatements(diff, { drop: false })).toEqual([
      'CREATE CONSTRAINT customer_email_unique IF NOT EXISTS FOR (n:Customer) REQUIRE (n.email) IS UNIQUE',
      "CREATE VECTOR INDEX book_embedding_vector IF NOT EXISTS FOR (n:Book) ON (n.embedding) OPTIONS {indexConfig: {`vector.dimensions`: 3, `vector.similarity_function`: 'euclidean'}}",
    ]);
  });

  it('drops first, then creates, with drop', () => {
    expect(schemaStatements(diff, { drop: true })).toEqual([
      'DROP INDEX legacy_title IF EXISTS',
      'DROP INDEX order_placedat_range IF EXISTS',
      'CREATE CONSTRAINT customer_email_unique IF NOT EXISTS FOR (n:Customer) REQUIRE (n.email) IS UNIQUE',
      "CREATE VECTOR INDEX book_embedding_vector IF NOT EXISTS FOR (n:Book) ON (n.embedding) OPTIONS {indexConfig: {`vector.dimensions`: 3, `vector.similarity_function`: 'euclidean'}}",
      'CREATE INDEX order_placedat_range IF NOT EXISTS FOR (n:`Order`) ON (n.placedAt)',
    ]);
  });

  it('undoes exactly what it does, in reverse order', () => {
    expect(schemaDownStatements(diff, { drop: true })).toEqual([
      'DROP INDEX order_placedat_range IF EXISTS',
      'DROP INDEX book_embedding_vector IF EXISTS',
      'DROP CONSTRAINT customer_email_unique IF EXISTS',
      'CREATE TEXT INDEX order_placedat_range IF NOT EXISTS FOR (n:`Order`) ON (n.placedAt)',
      'CREATE TEXT INDEX legacy_title IF NOT EXISTS FOR (n:Book) ON (n.title)',
    ]);
    expect(schemaDownStatements(diff, { drop: false })).toEqual([
      'DROP INDEX book_embedding_vector IF EXISTS',
      'DROP CONSTRAINT customer_email_unique IF EXISTS',
    ]);
  });

  it('renders Enterprise constraints and relationship items', () => {
    const items: PlannedSchemaItem[] = [
      {
        kind: 'constraint',
        name: 'card_key',
        entity: 'node',
        label: 'Card',
        properties: ['country', 'number'],
        type: 'nodeKey',
        enterpriseOnly: true,
        source: 'Card.nodeKey',
      },
      {
        kind: 'constraint',
        name: 'card_holder_type',
        entity: 'node',
        label: 'Card',
        properties: ['holder'],
        type: 'propertyType',
        propertyType: 'STRING',
        enterpriseOnly: true,
        source: 'Card.holder',
      },
      {
        kind: 'constraint',
        name: 'paid_ref_unique',
        entity: 'relationship',
        label: 'PAID',
        properties: ['ref'],
        type: 'unique',
        source: 'Payment.ref',
      },
    ];
    expect(
      schemaStatements(diffSchema(items, { edition: 'enterprise', items: [] }), { drop: false }),
    ).toEqual([
      'CREATE CONSTRAINT card_key IF NOT EXISTS FOR (n:Card) REQUIRE (n.country, n.number) IS NODE KEY',
      'CREATE CONSTRAINT card_holder_type IF NOT EXISTS FOR (n:Card) REQUIRE n.holder IS :: STRING',
      'CREATE CONSTRAINT paid_ref_unique IF NOT EXISTS FOR ()-[r:PAID]-() REQUIRE (r.ref) IS UNIQUE',
    ]);
  });
});

describe('reading SHOW output', () => {
  it('normalises constraints, folding old relationship uniqueness names', () => {
    expect(
      constraintFromRow({
        name: 'paid_ref',
        type: 'UNIQUENESS',
        entityType: 'RELATIONSHIP',
        labelsOrTypes: ['PAID'],
        properties: ['ref'],
        propertyType: null,
        createStatement: 'CREATE ...',
      }),
    ).toEqual({
      name: 'paid_ref',
      kind: 'constraint',
      entity: 'relationship',
      labels: ['PAID'],
      properties: ['ref'],
      type: 'RELATIONSHIP_UNIQUENESS',
      options: {},
      createStatement: 'CREATE ...',
    });
    expect(
      constraintFromRow({
        name: 't',
        type: 'NODE_PROPERTY_TYPE',
        entityType: 'NODE',
        labelsOrTypes: ['Card'],
        properties: ['tags'],
        propertyType: 'list<string not null>',
      }).propertyType,
    ).toBe('LIST<STRING NOT NULL>');
  });

  it('skips LOOKUP indexes and indexes owned by constraints', () => {
    expect(
      indexFromRow({
        name: 'index_343aff4e',
        type: 'LOOKUP',
        entityType: 'NODE',
        labelsOrTypes: null,
        properties: null,
        owningConstraint: null,
      }),
    ).toBeUndefined();
    expect(
      indexFromRow({
        name: 'book_isbn_unique',
        type: 'RANGE',
        entityType: 'NODE',
        labelsOrTypes: ['Book'],
        properties: ['isbn'],
        owningConstraint: 'book_isbn_unique',
      }),
    ).toBeUndefined();
    expect(
      indexFromRow({
        name: 'v',
        type: 'VECTOR',
        entityType: 'NODE',
        labelsOrTypes: ['Book'],
        properties: ['e'],
        owningConstraint: null,
        options: { indexConfig: { 'vector.dimensions': 3 } },
      }),
    ).toMatchObject({ kind: 'index', type: 'VECTOR', options: { 'vector.dimensions': 3 } });
  });
});
