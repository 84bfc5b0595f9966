import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render } from '@cartograph/cypher';
import { tsconfigTemplate } from '../src/commands/init-templates';
import { generateModels, quote } from '../src/inspect/generate-models';
import { inferSchema } from '../src/inspect/infer-schema';
import { camelCase, kebabCase, pascalCase } from '../src/inspect/naming';
import { type DatabaseSnapshot, endpointQuery, parseRelType } from '../src/inspect/read-database';
import { mapPropertyTypes } from '../src/inspect/type-mapping';
import { compileErrors } from './support/compile-check';

describe('naming', () => {
  it('turns labels, types and keys into identifiers', () => {
    expect(pascalCase('ACTED_IN')).toBe('ActedIn');
    expect(pascalCase('person')).toBe('Person');
    expect(pascalCase('3D model')).toBe('N3DModel');
    expect(pascalCase('!!!')).toBe('Model');
    expect(camelCase('ACTED_IN')).toBe('actedIn');
    expect(camelCase('first name')).toBe('firstName');
    expect(camelCase('2nd')).toBe('f2nd');
    expect(kebabCase('ActedIn')).toBe('acted-in');
    expect(quote("it's \\ \n")).toBe("'it\\'s \\\\ \\n'");
  });

  it('reads relationship types as the procedure reports them', () => {
    expect(parseRelType(':`ACTED_IN`')).toBe('ACTED_IN');
    expect(parseRelType(':`odd``type`')).toBe('odd`type');
  });
});

describe('type mapping', () => {
  it.each([
    [['String'], 'StringProperty', undefined, 'string'],
    [['Long'], 'IntegerProperty', undefined, 'number'],
    [['Double'], 'FloatProperty', undefined, 'number'],
    [['Long', 'Double'], 'FloatProperty', undefined, 'number'],
    [['Boolean'], 'BooleanProperty', undefined, 'boolean'],
    [['Date'], 'DateProperty', undefined, 'Date'],
    [['DateTime'], 'DateTimeProperty', undefined, 'Date'],
    [['Duration'], 'DurationProperty', undefined, 'Neo4jDuration'],
    [['Point'], 'PointProperty', undefined, 'GeoPoint'],
    [['StringArray'], 'ArrayProperty', 'StringType', 'string[]'],
    [['LongArray'], 'ArrayProperty', 'IntegerType', 'number[]'],
    [['DoubleArray', 'LongArray'], 'ArrayProperty', 'FloatType', 'number[]'],
  ])('%j -> %s', (types, decorator, itemType, tsType) => {
    expect(mapPropertyTypes(types)).toMatchObject(
      itemType ? { decorator, itemType, tsType } : { decorator, tsType },
    );
  });

  it('has no mapping for types Cartograph cannot hold', () => {
    for (const types of [['LocalDateTime'], ['Time'], ['ByteArray'], ['String', 'Long'], []]) {
      expect(mapPropertyTypes(types)).toBeUndefined();
    }
  });
});

describe('endpoint sampling query', () => {
  it('is built with the Cypher AST, the type escaped', () => {
    expect(render(endpointQuery('ACTED IN')).cypher).toBe(
      'MATCH (a)-[r:`ACTED IN`]->(b)\nRETURN DISTINCT labels(a) AS startLabels, labels(b) AS endLabels LIMIT 100',
    );
  });
});

/** A database with awkward names: reserved words, clashes, unsupported types, multi-label nodes. */
const snapshot: DatabaseSnapshot = {
  nodeTypes: [
    { labels: ['Person'], property: 'name', types: ['String'], mandatory: true },
    { labels: ['Person'], property: 'save', types: ['Boolean'], mandatory: false },
    { labels: ['Person'], property: 'first name', types: ['String'], mandatory: false },
    { labels: ['Person'], property: 'seen', types: ['LocalDateTime'], mandatory: false },
    { labels: ['Person', 'Actor'], property: 'name', types: ['String'], mandatory: true },
    { labels: ['Person', 'Actor'], property: 'stageName', types: ['String'], mandatory: false },
    { labels: ['Node'], property: 'location', types: ['Point'], mandatory: true },
    { labels: ['Node'], property: 'span', types: ['Duration'], mandatory: false },
    { labels: ['Node'], property: 'at', types: ['DateTime'], mandatory: false },
    { labels: ['Node'], property: 'scores', types: ['DoubleArray'], mandatory: false },
    { labels: ['Empty'], property: null, types: [], mandatory: false },
  ],
  relTypes: [
    { type: 'KNOWS', property: 'since', types: ['Date'], mandatory: true },
    { type: 'KNOWS', property: 'type', types: ['String'], mandatory: false },
    { type: 'AT', property: null, types: [], mandatory: false },
  ],
  endpoints: [
    { type: 'KNOWS', from: ['Person'], to: ['Person'] },
    { type: 'KNOWS', from: ['Person', 'Actor'], to: ['Person'] },
    { type: 'AT', from: ['Person'], to: ['Node'] },
    { type: 'AT', from: ['Person'], to: ['Empty'] },
  ],
  schema: [
    {
      kind: 'unique',
      indexType: 'UNIQUENESS',
      entity: 'NODE',
      labelsOrTypes: ['Person'],
      properties: ['name'],
      name: 'person_name',
    },
    {
      kind: 'index',
      indexType: 'POINT',
      entity: 'NODE',
      labelsOrTypes: ['Node'],
      properties: ['location'],
      name: 'node_location_point',
    },
    {
      kind: 'index',
      indexType: 'TEXT',
      entity: 'NODE',
      labelsOrTypes: ['Person'],
      properties: ['first name'],
      name: 'person_first_name_search',
    },
  ],
};

describe('inferSchema + generateModels', () => {
  const schema = inferSchema(snapshot);
  const files = generateModels(schema);

  it('names classes and fields safely', () => {
    expect(schema.nodes.map((n) => [n.label, n.className])).toEqual([
      ['Actor', 'Actor'],
      ['Empty', 'Empty'],
      ['Node', 'NodeNode'],
      ['Person', 'Person'],
    ]);
    const person = schema.nodes.find((n) => n.label === 'Person')!;
    expect(person.properties.map((p) => [p.key, p.field, p.required, p.unique, p.index])).toEqual([
      ['first name', 'firstName', false, false, 'text'],
      ['name', 'name', true, true, false],
      ['save', 'saveProperty', false, false, false],
      ['seen', 'seen', false, false, false],
      ['stageName', 'stageName', false, false, false],
    ]);
    expect(
      schema.relationshipModels.map((r) => [r.type, r.className, r.properties.map((p) => p.field)]),
    ).toEqual([['KNOWS', 'Knows', ['since', 'typeProperty']]]);
  });

  it('gives each end of a relationship type a field, disambiguating several targets', () => {
    const person = schema.nodes.find((n) => n.label === 'Person')!;
    expect(person.relationships.map((r) => `${r.field}:${r.direction}:${r.type}:${r.target}`)).toEqual([
      'atEmpty:out:AT:Empty',
      'atNodeNode:out:AT:NodeNode',
      'knowsByActor:in:KNOWS:Actor',
      'knows:out:KNOWS:Person',
      'knowsByPerson:in:KNOWS:Person',
    ]);
    const actor = schema.nodes.find((n) => n.label === 'Actor')!;
    expect(actor.relationships.map((r) => r.field)).toEqual(['knows']);
  });

  it('writes one file per class plus an index, skipping what Cartograph cannot type', () => {
    expect([...files.keys()]).toEqual([
      'knows.ts',
      'actor.ts',
      'empty.ts',
      'node-node.ts',
      'person.ts',
      'index.ts',
    ]);
    const person = files.get('person.ts')!;
    expect(person).toContain(
      "@StringProperty({ index: 'text', indexName: 'person_first_name_search', dbProperty: 'first name' }) firstName?: string;",
    );
    // Existing names are kept in the model (an adopted constraint keeps its name), unless they are the planned ones.
    expect(person).toContain(
      "@StringProperty({ required: true, unique: true, constraintName: 'person_name' }) name!: string;",
    );
    expect(files.get('node-node.ts')).not.toContain('indexName');
    expect(person).toContain("// 'seen' skipped: Cartograph has no property type for LocalDateTime values.");
    expect(files.get('node-node.ts')).toContain("@Node({ label: 'Node' })");
    expect(files.get('node-node.ts')).toContain(
      '@PointProperty({ required: true, index: true }) location!: GeoPoint;',
    );
    expect(files.get('node-node.ts')).toContain('@ArrayProperty(FloatType) scores?: number[];');
    expect(files.get('index.ts')).toContain("export * from './knows.js';\nexport * from './actor.js';");
  });

  it('produces TypeScript that compiles', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cartograph-inspect-'));
    try {
      for (const [name, content] of files) writeFileSync(path.join(dir, name), content);
      expect(compileErrors([...files.keys()].map((name) => path.join(dir, name)))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('init tsconfig template', () => {
  it('follows the project module setting', () => {
    const esm = JSON.parse(tsconfigTemplate({ esm: true, nodeTypes: true })).compilerOptions;
    expect(esm).toMatchObject({ module: 'nodenext', moduleResolution: 'nodenext', types: ['node'] });
    const cjs = JSON.parse(tsconfigTemplate({ esm: false, nodeTypes: false })).compilerOptions;
    expect(cjs.module).toBe('commonjs');
    expect(cjs.types).toBeUndefined();
    expect(cjs).toMatchObject({ experimentalDecorators: true, useDefineForClassFields: false });
  });
});
