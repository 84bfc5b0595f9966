// A small retrieval graph for the search tests: text chunks with two embeddings (cosine and
// euclidean vector indexes) and a full-text index, each chunk PART_OF a document that MENTIONS
// entities. Every value comes from a seeded generator, so each run sees the same data.
import 'reflect-metadata';
import {
  type Graph,
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  One,
  RelationshipFrom,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  VectorProperty,
} from '../../../src';

export const DIMENSIONS = 16;

@Node()
export class SearchEntity extends NodeEntity {
  declare static readonly nodes: NodeSet<SearchEntity>;
  @IntegerProperty({ unique: true }) seq!: number;
  @StringProperty() name!: string;
}

@Node()
export class SearchDocument extends NodeEntity {
  declare static readonly nodes: NodeSet<SearchDocument>;
  @IntegerProperty({ unique: true }) seq!: number;
  @StringProperty() title!: string;
  @RelationshipTo(() => SearchEntity, 'MENTIONS') entities!: RelationshipManager<SearchEntity>;
  @RelationshipFrom(() => SearchChunk, 'PART_OF') chunks!: RelationshipManager<SearchChunk>;
}

@Node()
export class SearchChunk extends NodeEntity {
  declare static readonly nodes: NodeSet<SearchChunk>;
  @IntegerProperty({ unique: true }) seq!: number;
  @StringProperty() lang!: string;
  @StringProperty({ index: 'fulltext' }) text!: string;
  /** Indexed with cosine similarity. */
  @VectorProperty({ dimensions: DIMENSIONS }) embedding!: number[];
  /** Indexed with euclidean similarity. */
  @VectorProperty({ dimensions: DIMENSIONS, similarity: 'euclidean' }) position!: number[];
  @StringProperty() summary?: string;
  @RelationshipTo(() => SearchDocument, 'PART_OF', { cardinality: One })
  document!: RelationshipManager<SearchDocument>;
}

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A vector of `dimensions` components in [-1, 1). */
export function randomVector(random: () => number, dimensions = DIMENSIONS): number[] {
  return Array.from({ length: dimensions }, () => random() * 2 - 1);
}

/** Neo4j's cosine score: (1 + cos) / 2, in [0, 1]. */
export function cosineScore(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return (1 + dot / Math.sqrt(na * nb)) / 2;
}

/** Neo4j's euclidean score: 1 / (1 + d²), in (0, 1]. */
export function euclideanScore(a: readonly number[], b: readonly number[]): number {
  let d2 = 0;
  for (let i = 0; i < a.length; i++) d2 += (a[i]! - b[i]!) ** 2;
  return 1 / (1 + d2);
}

export const CHUNKS = 3000;
export const DOCUMENTS = 100;
export const ENTITIES = 20;
/** Chunks 0..39 say "graph" seq + 1 times (in 40 words), so their full-text scores differ. */
export const GRAPH_CHUNKS = 40;
const FILLER = ['vector', 'index', 'edge', 'query', 'cypher', 'label', 'store', 'cluster'];

export interface ChunkRow {
  seq: number;
  lang: string;
  text: string;
  embedding: number[];
  position: number[];
}

export function chunkRows(): ChunkRow[] {
  const random = prng(12);
  return Array.from({ length: CHUNKS }, (_, seq) => {
    const words = Array.from({ length: 40 }, (_, i) =>
      seq < GRAPH_CHUNKS && i <= seq ? 'graph' : FILLER[Math.floor(random() * FILLER.length)]!,
    );
    return {
      seq,
      lang: seq % 3 === 0 ? 'de' : 'en',
      text: words.join(' '),
      embedding: randomVector(random),
      position: randomVector(random),
    };
  });
}

/** Loads the graph and waits until every index is online. */
export async function seedSearchGraph(graph: Graph): Promise<ChunkRow[]> {
  await graph.installSchema();
  const rows = chunkRows();
  await SearchChunk.createMany(rows);
  await SearchDocument.createMany(
    Array.from({ length: DOCUMENTS }, (_, seq) => ({ seq, title: `Document ${seq}` })),
  );
  await SearchEntity.createMany(
    Array.from({ length: ENTITIES }, (_, seq) => ({ seq, name: `Entity ${seq}` })),
  );
  await graph.cypher(
    `MATCH (c:SearchChunk), (d:SearchDocument {seq: c.seq % $documents}) CREATE (c)-[:PART_OF]->(d)`,
    { documents: DOCUMENTS },
  );
  await graph.cypher(
    `MATCH (d:SearchDocument), (e:SearchEntity) WHERE e.seq IN [d.seq % $entities, (d.seq + 1) % $entities]
     CREATE (d)-[:MENTIONS]->(e)`,
    { entities: ENTITIES },
  );
  await graph.cypher('CALL db.awaitIndexes(300)');
  return rows;
}
