import {
  createConstraint,
  createIndex,
  dropConstraint,
  dropIndex,
  InvalidIdentifierError,
  InvalidQueryError,
  render,
  showConstraints,
  showIndexes,
} from '../src';

describe('createConstraint', () => {
  it('renders a node uniqueness constraint', () => {
    const command = createConstraint({
      name: 'person_email_unique',
      entity: 'node',
      label: 'Person',
      properties: ['email'],
      kind: 'unique',
      ifNotExists: true,
    });
    expect(render(command)).toEqual({
      cypher:
        'CREATE CONSTRAINT person_email_unique IF NOT EXISTS FOR (n:Person) REQUIRE (n.email) IS UNIQUE',
      params: {},
    });
  });

  it('renders a relationship uniqueness constraint', () => {
    const command = createConstraint({
      name: 'knows_id',
      entity: 'relationship',
      label: 'KNOWS',
      properties: ['id'],
      kind: 'unique',
    });
    expect(render(command).cypher).toBe(
      'CREATE CONSTRAINT knows_id FOR ()-[r:KNOWS]-() REQUIRE (r.id) IS UNIQUE',
    );
  });

  it('renders a composite node key', () => {
    const command = createConstraint({
      name: 'person_key',
      entity: 'node',
      label: 'Person',
      properties: ['firstName', 'lastName'],
      kind: 'nodeKey',
    });
    expect(render(command).cypher).toBe(
      'CREATE CONSTRAINT person_key FOR (n:Person) REQUIRE (n.firstName, n.lastName) IS NODE KEY',
    );
  });

  it('renders a relationship key', () => {
    const command = createConstraint({
      name: 'works_at_key',
      entity: 'relationship',
      label: 'WORKS_AT',
      properties: ['id'],
      kind: 'relationshipKey',
    });
    expect(render(command).cypher).toBe(
      'CREATE CONSTRAINT works_at_key FOR ()-[r:WORKS_AT]-() REQUIRE (r.id) IS RELATIONSHIP KEY',
    );
  });

  it('renders a property existence constraint', () => {
    const command = createConstraint({
      name: 'person_name_exists',
      entity: 'node',
      label: 'Person',
      properties: ['name'],
      kind: 'exists',
    });
    expect(render(command).cypher).toBe(
      'CREATE CONSTRAINT person_name_exists FOR (n:Person) REQUIRE n.name IS NOT NULL',
    );
  });

  it('renders a property type constraint', () => {
    const command = createConstraint({
      name: 'person_age_type',
      entity: 'node',
      label: 'Person',
      properties: ['age'],
      kind: 'propertyType',
      propertyType: 'INTEGER',
    });
    expect(render(command).cypher).toBe(
      'CREATE CONSTRAINT person_age_type FOR (n:Person) REQUIRE n.age IS :: INTEGER',
    );
  });

  it('normalises list and union property types', () => {
    const base = { entity: 'node', label: 'Person', properties: ['tags'], kind: 'propertyType' } as const;
    expect(
      render(createConstraint({ ...base, name: 'a', propertyType: 'list<string  not null>' })).cypher,
    ).toBe('CREATE CONSTRAINT a FOR (n:Person) REQUIRE n.tags IS :: LIST<STRING NOT NULL>');
    expect(render(createConstraint({ ...base, name: 'b', propertyType: 'integer|float' })).cypher).toBe(
      'CREATE CONSTRAINT b FOR (n:Person) REQUIRE n.tags IS :: INTEGER | FLOAT',
    );
    expect(render(createConstraint({ ...base, name: 'c', propertyType: 'zoned datetime' })).cypher).toBe(
      'CREATE CONSTRAINT c FOR (n:Person) REQUIRE n.tags IS :: ZONED DATETIME',
    );
  });

  it('rejects property types outside the allow-list', () => {
    const base = {
      name: 'x',
      entity: 'node',
      label: 'Person',
      properties: ['age'],
      kind: 'propertyType',
    } as const;
    expect(() => createConstraint({ ...base, propertyType: 'INTEGER; DROP CONSTRAINT y' })).toThrow(
      InvalidQueryError,
    );
    expect(() => createConstraint({ ...base, propertyType: 'LIST<STRING>' })).toThrow(InvalidQueryError);
    expect(() => createConstraint({ ...base, propertyType: 'MAP' })).toThrow(InvalidQueryError);
  });

  it('requires propertyType for a property type constraint, and only there', () => {
    const base = { name: 'x', entity: 'node', label: 'Person', properties: ['age'] } as const;
    expect(() => createConstraint({ ...base, kind: 'propertyType' })).toThrow(InvalidQueryError);
    expect(() => createConstraint({ ...base, kind: 'unique', propertyType: 'INTEGER' })).toThrow(
      InvalidQueryError,
    );
  });

  it('rejects mismatched entity and constraint kinds', () => {
    const base = { name: 'x', label: 'KNOWS', properties: ['id'] } as const;
    expect(() => createConstraint({ ...base, entity: 'relationship', kind: 'nodeKey' })).toThrow(
      InvalidQueryError,
    );
    expect(() => createConstraint({ ...base, entity: 'node', kind: 'relationshipKey' })).toThrow(
      InvalidQueryError,
    );
  });

  it('requires exactly one property for existence constraints', () => {
    expect(() =>
      createConstraint({
        name: 'x',
        entity: 'node',
        label: 'Person',
        properties: ['a', 'b'],
        kind: 'exists',
      }),
    ).toThrow(InvalidQueryError);
  });

  it('escapes labels and property keys', () => {
    const command = createConstraint({
      name: 'odd',
      entity: 'node',
      label: 'Board Member',
      properties: ['e-mail'],
      kind: 'unique',
    });
    expect(render(command).cypher).toBe(
      'CREATE CONSTRAINT odd FOR (n:`Board Member`) REQUIRE (n.`e-mail`) IS UNIQUE',
    );
  });

  it('rejects schema names that are not plain words', () => {
    const base = { entity: 'node', label: 'Person', properties: ['email'], kind: 'unique' } as const;
    expect(() => createConstraint({ ...base, name: 'bad name' })).toThrow(InvalidIdentifierError);
    expect(() => createConstraint({ ...base, name: '_leading' })).toThrow(InvalidIdentifierError);
    expect(() => createConstraint({ ...base, name: '' })).toThrow(InvalidIdentifierError);
  });

  it('escapes schema names that are reserved words', () => {
    const command = createConstraint({
      name: 'unique',
      entity: 'node',
      label: 'Person',
      properties: ['email'],
      kind: 'unique',
    });
    expect(render(command).cypher).toBe(
      'CREATE CONSTRAINT `unique` FOR (n:Person) REQUIRE (n.email) IS UNIQUE',
    );
  });
});

describe('createIndex', () => {
  it('renders a range index', () => {
    const command = createIndex({
      name: 'person_name',
      entity: 'node',
      label: 'Person',
      properties: ['name'],
      type: 'range',
      ifNotExists: true,
    });
    expect(render(command).cypher).toBe('CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)');
  });

  it('renders a composite range index on relationships', () => {
    const command = createIndex({
      name: 'works_at_period',
      entity: 'relationship',
      label: 'WORKS_AT',
      properties: ['since', 'until'],
      type: 'range',
    });
    expect(render(command).cypher).toBe(
      'CREATE INDEX works_at_period FOR ()-[r:WORKS_AT]-() ON (r.since, r.until)',
    );
  });

  it('renders a text index', () => {
    const command = createIndex({
      name: 'company_name_text',
      entity: 'node',
      label: 'Company',
      properties: ['name'],
      type: 'text',
    });
    expect(render(command).cypher).toBe('CREATE TEXT INDEX company_name_text FOR (n:Company) ON (n.name)');
  });

  it('renders a point index', () => {
    const command = createIndex({
      name: 'company_location',
      entity: 'node',
      label: 'Company',
      properties: ['location'],
      type: 'point',
    });
    expect(render(command).cypher).toBe(
      'CREATE POINT INDEX company_location FOR (n:Company) ON (n.location)',
    );
  });

  it('renders a fulltext index over several labels', () => {
    const command = createIndex({
      name: 'search',
      entity: 'node',
      label: ['Person', 'Company'],
      properties: ['name', 'bio'],
      type: 'fulltext',
      ifNotExists: true,
    });
    expect(render(command).cypher).toBe(
      'CREATE FULLTEXT INDEX search IF NOT EXISTS FOR (n:Person|Company) ON EACH [n.name, n.bio]',
    );
  });

  it('renders a fulltext index on relationship types', () => {
    const command = createIndex({
      name: 'notes',
      entity: 'relationship',
      label: ['KNOWS'],
      properties: ['note'],
      type: 'fulltext',
    });
    expect(render(command).cypher).toBe('CREATE FULLTEXT INDEX notes FOR ()-[r:KNOWS]-() ON EACH [r.note]');
  });

  it('renders a vector index with options', () => {
    const command = createIndex({
      name: 'doc_embedding',
      entity: 'node',
      label: 'Doc',
      properties: ['embedding'],
      type: 'vector',
      options: { dimensions: 384, similarity: 'cosine' },
      ifNotExists: true,
    });
    expect(render(command).cypher).toBe(
      'CREATE VECTOR INDEX doc_embedding IF NOT EXISTS FOR (n:Doc) ON (n.embedding) ' +
        "OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}}",
    );
  });

  it('renders a vector index without options', () => {
    const command = createIndex({
      name: 'doc_embedding',
      entity: 'node',
      label: 'Doc',
      properties: ['embedding'],
      type: 'vector',
    });
    expect(render(command).cypher).toBe('CREATE VECTOR INDEX doc_embedding FOR (n:Doc) ON (n.embedding)');
  });

  it('rejects invalid vector options', () => {
    const base = {
      name: 'v',
      entity: 'node',
      label: 'Doc',
      properties: ['embedding'],
      type: 'vector',
    } as const;
    expect(() => createIndex({ ...base, options: { dimensions: 0 } })).toThrow(InvalidQueryError);
    expect(() => createIndex({ ...base, options: { dimensions: 1.5 } })).toThrow(InvalidQueryError);
    expect(() => createIndex({ ...base, options: { similarity: "cosine'}}" as 'cosine' } })).toThrow(
      InvalidQueryError,
    );
  });

  it('rejects options on non-vector indexes', () => {
    expect(() =>
      createIndex({
        name: 'i',
        entity: 'node',
        label: 'Person',
        properties: ['name'],
        type: 'range',
        options: { dimensions: 3 },
      }),
    ).toThrow(InvalidQueryError);
  });

  it('rejects several labels outside fulltext indexes', () => {
    expect(() =>
      createIndex({
        name: 'i',
        entity: 'node',
        label: ['Person', 'Company'],
        properties: ['name'],
        type: 'range',
      }),
    ).toThrow(InvalidQueryError);
  });

  it('rejects several properties on single-property index types', () => {
    expect(() =>
      createIndex({ name: 'i', entity: 'node', label: 'Person', properties: ['a', 'b'], type: 'text' }),
    ).toThrow(InvalidQueryError);
  });

  it('rejects an index without properties', () => {
    expect(() =>
      createIndex({ name: 'i', entity: 'node', label: 'Person', properties: [], type: 'range' }),
    ).toThrow(InvalidQueryError);
  });
});

describe('drop and show', () => {
  it('renders DROP CONSTRAINT with and without IF EXISTS', () => {
    expect(render(dropConstraint('person_email_unique', { ifExists: true })).cypher).toBe(
      'DROP CONSTRAINT person_email_unique IF EXISTS',
    );
    expect(render(dropConstraint('person_email_unique')).cypher).toBe('DROP CONSTRAINT person_email_unique');
  });

  it('renders DROP INDEX with and without IF EXISTS', () => {
    expect(render(dropIndex('person_name', { ifExists: true })).cypher).toBe(
      'DROP INDEX person_name IF EXISTS',
    );
    expect(render(dropIndex('person_name')).cypher).toBe('DROP INDEX person_name');
  });

  it('rejects malformed names when dropping', () => {
    expect(() => dropIndex('x IF EXISTS; DROP INDEX y')).toThrow(InvalidIdentifierError);
  });

  it('renders SHOW CONSTRAINTS and SHOW INDEXES', () => {
    expect(render(showConstraints()).cypher).toBe('SHOW CONSTRAINTS YIELD *');
    expect(render(showIndexes()).cypher).toBe('SHOW INDEXES YIELD *');
  });

  it('re-validates hand-built schema commands when rendering', () => {
    const handBuilt = {
      kind: 'CreateConstraint',
      name: 'x',
      entity: 'node',
      label: 'Person',
      properties: ['age'],
      constraint: 'propertyType',
      propertyType: 'INTEGER } MATCH (n) DETACH DELETE n',
      ifNotExists: false,
    } as const;
    expect(() => render(handBuilt)).toThrow(InvalidQueryError);
  });
});
