import { Graph } from '@cartograph/core';
import { render, showConstraints, showIndexes } from '@cartograph/cypher';
import type { Record as Neo4jRecord } from 'neo4j-driver';

/** A connection to the test server (NEO4J_* from jest's global setup); not the default graph. */
export function connectTestGraph(): Promise<Graph> {
  return Graph.connect({
    url: process.env.NEO4J_URI!,
    auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
    default: false,
  });
}

// Migration bookkeeping (labels `__Cartograph...`) is the migrations package's business, not the models'.
const isOwn = (r: Neo4jRecord) =>
  !(r.get('labelsOrTypes') as string[] | null)?.some((l) => l.startsWith('__'));

/** Names of the database's constraints and of its own indexes (not LOOKUP, not constraint-backed), sorted. */
export async function schemaNames(graph: Graph): Promise<{ constraints: string[]; indexes: string[] }> {
  const constraints = await graph.run(render(showConstraints()), 'READ', (r) =>
    isOwn(r) ? String(r.get('name')) : '',
  );
  const indexes = await graph.run(render(showIndexes()), 'READ', (r) =>
    r.get('type') === 'LOOKUP' || r.get('owningConstraint') !== null || !isOwn(r)
      ? ''
      : String(r.get('name')),
  );
  return { constraints: constraints.filter(Boolean).sort(), indexes: indexes.filter(Boolean).sort() };
}
