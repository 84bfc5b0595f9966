import type { Graph } from '@cartograph/core';
import { runCompiled } from '@cartograph/core/internal';
import {
  callProcedure,
  fn,
  literal,
  match,
  node,
  pattern,
  query,
  rel,
  render,
  returnClause,
  showConstraints,
  showIndexes,
  variable,
} from '@cartograph/cypher';
import type { Record as Neo4jRecord } from 'neo4j-driver';

/** One row of `db.schema.nodeTypeProperties()` (a label combination and one of its properties). */
export interface NodeTypeRow {
  readonly labels: readonly string[];
  readonly property: string | null;
  readonly types: readonly string[];
  readonly mandatory: boolean;
}

/** One row of `db.schema.relTypeProperties()`. */
export interface RelTypeRow {
  readonly type: string;
  readonly property: string | null;
  readonly types: readonly string[];
  readonly mandatory: boolean;
}

/** Label sets seen at the two ends of one relationship type. */
export interface EndpointRow {
  readonly type: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/** A uniqueness constraint or index on one label/type and its properties. */
export interface SchemaRow {
  readonly kind: 'unique' | 'index';
  readonly indexType: string;
  readonly entity: 'NODE' | 'RELATIONSHIP';
  readonly labelsOrTypes: readonly string[];
  readonly properties: readonly string[];
  /** The constraint's or index's name in the database (absent in hand-built snapshots). */
  readonly name?: string;
}

/** What `inspect` learns from the database, before any naming decisions. */
export interface DatabaseSnapshot {
  readonly nodeTypes: readonly NodeTypeRow[];
  readonly relTypes: readonly RelTypeRow[];
  readonly endpoints: readonly EndpointRow[];
  readonly schema: readonly SchemaRow[];
}

/** How many distinct label pairs are sampled per relationship type. */
export const ENDPOINT_SAMPLE_LIMIT = 100;

const NODE_TYPES = query(
  callProcedure('db.schema.nodeTypeProperties', [], {
    yield: ['nodeLabels', 'propertyName', 'propertyTypes', 'mandatory'],
  }),
  returnClause([
    variable('nodeLabels'),
    variable('propertyName'),
    variable('propertyTypes'),
    variable('mandatory'),
  ]),
);

const REL_TYPES = query(
  callProcedure('db.schema.relTypeProperties', [], {
    yield: ['relType', 'propertyName', 'propertyTypes', 'mandatory'],
  }),
  returnClause([
    variable('relType'),
    variable('propertyName'),
    variable('propertyTypes'),
    variable('mandatory'),
  ]),
);

/** `MATCH (a)-[r:TYPE]->(b) RETURN DISTINCT labels(a), labels(b) LIMIT 100`: which labels a type connects. */
export function endpointQuery(type: string) {
  return query(
    match(pattern(node('a'), [rel({ variable: 'r', types: [type], direction: 'out' }), node('b')])),
    returnClause(
      [
        { expr: fn('labels', [variable('a')]), alias: 'startLabels' },
        { expr: fn('labels', [variable('b')]), alias: 'endLabels' },
      ],
      { distinct: true, limit: literal(ENDPOINT_SAMPLE_LIMIT) },
    ),
  );
}

/** Reads the database's label/type/property catalogue, relationship endpoints and schema. */
export async function readDatabase(
  graph: Graph,
  onProgress: (done: number, total: number, label: string) => void = () => undefined,
): Promise<DatabaseSnapshot> {
  const nodeTypes = await runCompiled(graph, render(NODE_TYPES), 'READ', (r) => ({
    labels: strings(r.get('nodeLabels')),
    property: nullableString(r.get('propertyName')),
    types: strings(r.get('propertyTypes')),
    mandatory: r.get('mandatory') === true,
  }));
  const relTypes = await runCompiled(graph, render(REL_TYPES), 'READ', (r) => ({
    type: parseRelType(String(r.get('relType'))),
    property: nullableString(r.get('propertyName')),
    types: strings(r.get('propertyTypes')),
    mandatory: r.get('mandatory') === true,
  }));
  const types = [...new Set(relTypes.map((row) => row.type))].sort();
  const endpoints: EndpointRow[] = [];
  for (const [i, type] of types.entries()) {
    onProgress(i, types.length, type);
    endpoints.push(
      ...(await runCompiled(graph, render(endpointQuery(type)), 'READ', (r) => ({
        type,
        from: strings(r.get('startLabels')),
        to: strings(r.get('endLabels')),
      }))),
    );
  }
  onProgress(types.length, types.length, '');
  return { nodeTypes, relTypes, endpoints, schema: await readSchema(graph) };
}

async function readSchema(graph: Graph): Promise<SchemaRow[]> {
  const toRow =
    (kind: SchemaRow['kind']) =>
    (r: Neo4jRecord): SchemaRow & { owned: boolean } => ({
      kind,
      indexType: String(r.get('type')),
      entity: r.get('entityType') === 'RELATIONSHIP' ? 'RELATIONSHIP' : 'NODE',
      labelsOrTypes: strings(r.get('labelsOrTypes')),
      properties: strings(r.get('properties')),
      name: String(r.get('name')),
      owned: kind === 'index' && r.get('owningConstraint') !== null,
    });
  const constraints = await runCompiled(graph, render(showConstraints()), 'READ', toRow('unique'));
  const indexes = await runCompiled(graph, render(showIndexes()), 'READ', toRow('index'));
  // Indexes a constraint owns are the constraint's business; LOOKUP indexes cover labels, not properties.
  return [
    ...constraints.filter((row) => /UNIQUE/.test(row.indexType)),
    ...indexes.filter((row) => !row.owned && row.indexType !== 'LOOKUP'),
  ].map(({ owned: _owned, ...row }) => row);
}

/** `:\`ACTED_IN\`` -> `ACTED_IN` (the procedure reports types in Cypher syntax). */
export function parseRelType(text: string): string {
  const body = text.startsWith(':') ? text.slice(1) : text;
  return body.startsWith('`') && body.endsWith('`') ? body.slice(1, -1).replace(/``/g, '`') : body;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function nullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
