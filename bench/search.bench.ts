// Vector search through the query builder against the same index procedure called through the
// raw driver: BENCH_SEARCH_VECTORS chunks (default 100k) of BENCH_SEARCH_DIMENSIONS floats
// (default 384), generated deterministically; nearest k = 10 among 50 candidates, a filter and a
// one-hop expansion to the chunk's document, hydrated on both sides.
import 'reflect-metadata';
import {
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  VectorProperty,
} from '@cartograph/core';
import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import { type BenchContext, type BenchResult, type BenchSuite, ratioResult } from './harness';

const VECTORS = Number(process.env.BENCH_SEARCH_VECTORS ?? 100_000);
const DIMENSIONS = Number(process.env.BENCH_SEARCH_DIMENSIONS ?? 384);
const DOCUMENTS = 1_000;
const K = 10;
const CANDIDATES = 50;

@Node()
class BenchDoc extends NodeEntity {
  declare static readonly nodes: NodeSet<BenchDoc>;
  @IntegerProperty() seq!: number;
  @StringProperty() title!: string;
}

@Node()
class BenchChunk extends NodeEntity {
  declare static readonly nodes: NodeSet<BenchChunk>;
  @IntegerProperty() seq!: number;
  @StringProperty() lang!: string;
  @VectorProperty({ dimensions: DIMENSIONS }) embedding!: number[];
  @RelationshipTo(() => BenchDoc, 'PART_OF') document!: RelationshipManager<BenchDoc>;
}

/** mulberry32, uniform in [0, 1): the same vectors on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vectorFrom = (random: () => number) => Array.from({ length: DIMENSIONS }, () => random() * 2 - 1);

async function seed(context: BenchContext): Promise<void> {
  await context.reset();
  await context.driver.executeQuery(
    'UNWIND range(0, $n - 1) AS i CREATE (:BenchDoc {seq: i, title: "doc " + i})',
    { n: neo4j.int(DOCUMENTS) },
  );
  await context.driver.executeQuery('CREATE INDEX bench_doc_seq IF NOT EXISTS FOR (d:BenchDoc) ON (d.seq)');
  const random = prng(384);
  const batch = 1_000;
  const started = performance.now();
  for (let from = 0; from < VECTORS; from += batch) {
    const rows = Array.from({ length: Math.min(batch, VECTORS - from) }, (_, i) => ({
      seq: neo4j.int(from + i),
      lang: (from + i) % 4 === 0 ? 'de' : 'en',
      embedding: vectorFrom(random),
    }));
    await context.driver.executeQuery(
      `UNWIND $rows AS row
       MATCH (d:BenchDoc {seq: row.seq % $documents})
       CREATE (:BenchChunk {seq: row.seq, lang: row.lang, embedding: row.embedding})-[:PART_OF]->(d)`,
      { rows, documents: neo4j.int(DOCUMENTS) },
    );
  }
  // The vector index the model declares, created as the application would.
  await context.graph.installSchema();
  await context.driver.executeQuery('CALL db.awaitIndexes(3600)');
  process.stderr.write(
    `search: loaded ${VECTORS} vectors of ${DIMENSIONS} dimensions and built the index in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

interface PlainChunk {
  seq: number;
  lang: string;
  embedding: number[];
  score: number;
  document: Array<{ seq: number; title: string }>;
}

// What a hand-written query does for the same result: the index's candidates, scored exactly
// (Neo4j quantizes indexed vectors, so the index's own score is approximate), filtered, the best k,
// and each chunk's document.
const RAW = `CALL db.index.vector.queryNodes('benchchunk_embedding_vector', $candidates, $vector) YIELD node
WITH node, vector.similarity.cosine(node.embedding, $vector) AS score
WHERE node.lang = $lang
WITH node, score ORDER BY score DESC LIMIT $k
RETURN node, score, COLLECT { MATCH (node)-[:PART_OF]->(d:BenchDoc) RETURN d } AS document`;

// The same without re-scoring, using the index's approximate score (reported for comparison).
const RAW_INDEX_SCORE = `CALL db.index.vector.queryNodes('benchchunk_embedding_vector', $candidates, $vector) YIELD node, score
WITH node, score WHERE node.lang = $lang
WITH node, score ORDER BY score DESC LIMIT $k
RETURN node, score, COLLECT { MATCH (node)-[:PART_OF]->(d:BenchDoc) RETURN d } AS document`;

async function raw(context: BenchContext, vector: number[], cypher = RAW): Promise<PlainChunk[]> {
  const session = context.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const result = await tx.run(cypher, {
        vector,
        candidates: neo4j.int(CANDIDATES),
        k: neo4j.int(K),
        lang: 'en',
      });
      return result.records.map((record) => {
        const props = (record.get('node') as Neo4jNode).properties as Record<string, unknown>;
        return {
          seq: (props.seq as { toNumber(): number }).toNumber(),
          lang: props.lang as string,
          embedding: props.embedding as number[],
          score: record.get('score') as number,
          document: (record.get('document') as Neo4jNode[]).map((d) => ({
            seq: (d.properties.seq as { toNumber(): number }).toNumber(),
            title: d.properties.title as string,
          })),
        };
      });
    });
  } finally {
    await session.close();
  }
}

function withCartograph(vector: number[]) {
  return BenchChunk.nodes
    .nearest('embedding', vector, { k: K, candidates: CANDIDATES })
    .filter({ lang: 'en' })
    .fetchRelations('document')
    .all();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function measureNearest(context: BenchContext): Promise<BenchResult> {
  await seed(context);
  const random = prng(7);
  const queries = Array.from({ length: 20 }, () => vectorFrom(random));
  // Same answers first: the benchmark compares equal work.
  for (const vector of queries.slice(0, 3)) {
    const [ogmRows, rawRows] = [await withCartograph(vector), await raw(context, vector)];
    const ogmSeqs = ogmRows.map((c) => `${c.seq}/${c.document.cached?.[0]?.seq}`).join();
    const rawSeqs = rawRows.map((c) => `${c.seq}/${c.document[0]?.seq}`).join();
    if (ogmSeqs !== rawSeqs) throw new Error(`search results differ: ${ogmSeqs} vs ${rawSeqs}`);
  }
  const ogmTimes: number[] = [];
  const rawTimes: number[] = [];
  const indexScoreTimes: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const [i, vector] of queries.entries()) {
      const time = async (work: () => Promise<unknown>, into: number[]) => {
        const started = performance.now();
        await work();
        into.push(performance.now() - started);
      };
      // Interleaved, alternating which side goes first, so drift and caches hit both alike.
      if ((round + i) % 2 === 0) {
        await time(() => raw(context, vector), rawTimes);
        await time(() => withCartograph(vector), ogmTimes);
      } else {
        await time(() => withCartograph(vector), ogmTimes);
        await time(() => raw(context, vector), rawTimes);
      }
      await time(() => raw(context, vector, RAW_INDEX_SCORE), indexScoreTimes);
    }
  }
  const ogm = median(ogmTimes);
  const rawMs = median(rawTimes);
  process.stderr.write(
    `search: nearest k=${K} of ${CANDIDATES} + filter + document, median of ${ogmTimes.length}: cartograph ${ogm.toFixed(2)} ms, raw driver ${rawMs.toFixed(2)} ms (raw with the index's approximate score: ${median(indexScoreTimes).toFixed(2)} ms)\n`,
  );
  await context.reset();
  return ratioResult(
    `nearest k=${K} (${VECTORS} x ${DIMENSIONS}d) + filter + 1 hop vs raw procedure`,
    ogm,
    rawMs,
    1.1,
  );
}

const suite: BenchSuite = async (context) => [await measureNearest(context)];

export default suite;
