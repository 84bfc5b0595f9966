import { clearGraph, useTestGraph } from '../../support/test-graph';
import {
  CHUNKS,
  type ChunkRow,
  cosineScore,
  euclideanScore,
  prng,
  randomVector,
  SearchChunk,
  seedSearchGraph,
} from './search-graph';

const { graph, queries } = useTestGraph();
let rows: ChunkRow[];

beforeAll(async () => {
  await clearGraph(graph());
  rows = await seedSearchGraph(graph());
}, 120_000);

beforeEach(() => queries.clear());

type Similarity = (a: readonly number[], b: readonly number[]) => number;

/** The exact answer: every chunk scored in the test, best first. */
function bruteForce(
  query: readonly number[],
  field: 'embedding' | 'position',
  score: Similarity,
  keep: (row: ChunkRow) => boolean = () => true,
): Array<{ seq: number; score: number }> {
  return rows
    .filter(keep)
    .map((row) => ({ seq: row.seq, score: score(query, row[field]) }))
    .sort((a, b) => b.score - a.score);
}

const random = prng(99);
const queryVectors = Array.from({ length: 20 }, () => randomVector(random));

// HNSW is approximate (and Neo4j quantizes indexed vectors), and its graph differs from one index
// build to the next, so the k nearest on random data may miss a true neighbour. Checked here:
// every score equals the score computed in the test (to 1e-6: Cartograph re-scores candidates
// with vector.similarity.*, so formula and order are exact); recall@10 over 20 random queries with
// k candidates is at least 0.5 (measured 0.875 to 1.0 over several builds, while the wrong index or
// formula gives about 10 in 3000, near 0: the bound sits far from both, so no index build fails
// it); and with every chunk as a candidate, the documented way to trade time for recall, the
// result is exactly the brute-force answer (every node is re-scored, whatever the index's order).
function recall(results: ReadonlyArray<readonly number[]>, exact: ReadonlyArray<readonly number[]>): number {
  let found = 0;
  for (const [i, seqs] of results.entries()) found += seqs.filter((seq) => exact[i]!.includes(seq)).length;
  return found / exact.reduce((sum, seqs) => sum + seqs.length, 0);
}

describe.each([
  ['embedding', 'cosine', cosineScore],
  ['position', 'euclidean', euclideanScore],
] as const)('nearest on %s (%s)', (field, _similarity, score) => {
  const exactTop10 = () =>
    queryVectors.map((q) =>
      bruteForce(q, field, score)
        .slice(0, 10)
        .map((hit) => hit.seq),
    );

  it('returns the k nearest, best first, with the exact similarity as score', async () => {
    const results: number[][] = [];
    for (const query of queryVectors) {
      const result = await SearchChunk.nodes.nearest(field, query, { k: 10 }).all();
      expect(result).toHaveLength(10);
      const scores = result.map((chunk) => chunk.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const chunk of result) expect(chunk.score).toBeCloseTo(score(query, rows[chunk.seq]![field]), 6);
      results.push(result.map((chunk) => chunk.seq));
    }
    expect(recall(results, exactTop10())).toBeGreaterThanOrEqual(0.5);
  });

  it('agrees with brute force when every chunk is a candidate', async () => {
    const results: number[][] = [];
    for (const query of queryVectors) {
      const result = await SearchChunk.nodes
        .nearest(field, query, { k: 10, candidates: CHUNKS })
        .values('seq');
      results.push(result.map((row) => row.seq));
    }
    expect(results).toEqual(exactTop10());
  });

  it('finds a stored vector first when asked with a slightly perturbed copy', async () => {
    for (const seq of [5, 777, 2999]) {
      const near = rows[seq]![field].map((x, i) => x + (i % 2 === 0 ? 0.001 : -0.001));
      const [first] = await SearchChunk.nodes.nearest(field, near, { k: 1, candidates: CHUNKS }).all();
      expect(first!.seq).toBe(seq);
      expect(first!.score).toBeCloseTo(score(near, rows[seq]![field]), 5);
    }
  });
});

describe('nearest composes with the rest of a query', () => {
  const query = queryVectors[0]!;

  it('filters the k candidates: a filter keeps those of the k that match', async () => {
    const result = await SearchChunk.nodes
      .nearest('embedding', query, { k: 10 })
      .filter({ lang: 'de' })
      .all();
    const candidates = (await SearchChunk.nodes.nearest('embedding', query, { k: 10 }).all()).filter(
      (chunk) => chunk.lang === 'de',
    );
    expect(result.map((c) => c.seq)).toEqual(candidates.map((c) => c.seq));
    expect(result.length).toBeLessThan(10);
  });

  it('asks for more candidates so that k survive the filter', async () => {
    const result = await SearchChunk.nodes
      .nearest('embedding', query, { k: 10, candidates: CHUNKS })
      .filter({ lang: 'de' })
      .all();
    expect(result).toHaveLength(10);
    expect(result.every((chunk) => chunk.lang === 'de')).toBe(true);
    const exact = bruteForce(query, 'embedding', cosineScore, (row) => row.lang === 'de').slice(0, 10);
    expect(result.map((chunk) => chunk.seq)).toEqual(exact.map((hit) => hit.seq));
    expect(queries.events).toHaveLength(1);
  });

  it('minScore drops weaker candidates', async () => {
    const all = await SearchChunk.nodes.nearest('embedding', query, { k: 20 }).all();
    const threshold = all[5]!.score;
    const strong = await SearchChunk.nodes.nearest('embedding', query, { k: 20, minScore: threshold }).all();
    expect(strong.map((c) => c.seq)).toEqual(all.slice(0, 6).map((c) => c.seq));
  });

  it('filters and orders on the score annotation, and projects it with values()', async () => {
    const all = await SearchChunk.nodes.nearest('embedding', query, { k: 10 }).all();
    const rows = await SearchChunk.nodes
      .nearest('embedding', query, { k: 10 })
      .filter({ score: { lt: all[2]!.score } })
      .orderBy('seq')
      .values('seq', 'score');
    const expected = all
      .slice(3)
      .map((c) => ({ seq: c.seq, score: c.score }))
      .sort((a, b) => a.seq - b.seq);
    expect(rows).toEqual(expected);
  });

  it('names the score with as', async () => {
    const [first] = await SearchChunk.nodes.nearest('embedding', query, { k: 1, as: 'similarity' }).all();
    expect(first!.similarity).toBeCloseTo(cosineScore(query, first!.embedding), 5);
  });

  it('traverses from the nearest chunks to their documents', async () => {
    const chunks = await SearchChunk.nodes.nearest('embedding', query, { k: 5 }).all();
    const documents = await SearchChunk.nodes
      .nearest('embedding', query, { k: 5 })
      .traverse('document')
      .distinct()
      .orderBy('seq')
      .values('seq');
    const expected = [...new Set(chunks.map((c) => c.seq % 100))].sort((a, b) => a - b);
    expect(documents.map((d) => d.seq)).toEqual(expected);
  });

  it('loads documents and their entities two hops away in the same round trip (GraphRAG)', async () => {
    const chunks = await SearchChunk.nodes
      .nearest('embedding', query, { k: 5 })
      .fetchRelations('document', 'document.entities')
      .all();
    expect(queries.events).toHaveLength(1);
    expect(chunks).toHaveLength(5);
    for (const chunk of chunks) {
      const [document] = chunk.document.cached!;
      expect(document!.seq).toBe(chunk.seq % 100);
      const entities = document!.entities.cached!.map((e) => e.seq).sort((a, b) => a - b);
      expect(entities).toEqual([document!.seq % 20, (document!.seq + 1) % 20].sort((a, b) => a - b));
    }
  });

  it('has() keeps chunks with a matching relation', async () => {
    const result = await SearchChunk.nodes
      .nearest('embedding', query, { k: 10 })
      .has({ document: { seq: { lt: 50 } } })
      .all();
    const all = await SearchChunk.nodes.nearest('embedding', query, { k: 10 }).all();
    expect(result.map((c) => c.seq)).toEqual(all.filter((c) => c.seq % 100 < 50).map((c) => c.seq));
  });

  it('paginates, counts and streams over the k results', async () => {
    const all = await SearchChunk.nodes.nearest('embedding', query, { k: 10 }).all();
    const set = SearchChunk.nodes.nearest('embedding', query, { k: 10 });
    const page1 = await set.paginate({ first: 4 });
    const page2 = await set.paginate({ first: 4, after: page1.pageInfo.endCursor });
    expect([...page1.items, ...page2.items].map((c) => c.seq)).toEqual(all.slice(0, 8).map((c) => c.seq));
    expect(await set.count()).toBe(10);
    const streamed: number[] = [];
    for await (const chunk of set.stream()) streamed.push(chunk.seq);
    expect(streamed).toEqual(all.map((c) => c.seq));
  });

  it('sends the vector, k and index name as parameters', async () => {
    await SearchChunk.nodes.nearest('embedding', query, { k: 3 }).all();
    const [event] = queries.events;
    expect(event!.cypher).toContain('CALL db.index.vector.queryNodes($v0, $v1, $v2) YIELD `node` AS n0');
    expect(event!.cypher).not.toContain(String(query[0]));
    expect(Object.values(event!.params)).toContain('searchchunk_embedding_vector');
  });

  it('explains the plan', async () => {
    const plan = await SearchChunk.nodes.nearest('embedding', query, { k: 3 }).explain();
    expect(JSON.stringify(plan)).toContain('ProcedureCall');
  });
});
