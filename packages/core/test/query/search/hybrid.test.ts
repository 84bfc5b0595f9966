import { clearGraph, useTestGraph } from '../../support/test-graph';
import { type ChunkRow, SearchChunk, seedSearchGraph } from './search-graph';

const { graph, queries } = useTestGraph();
let rows: ChunkRow[];

beforeAll(async () => {
  await clearGraph(graph());
  rows = await seedSearchGraph(graph());
}, 120_000);

beforeEach(() => queries.clear());

/** Weighted reciprocal rank fusion, computed here from the two rankings (rank 1 = best). */
function fuse(
  rankings: ReadonlyArray<{ seqs: readonly number[]; weight: number }>,
  rrfK: number,
): Array<{ seq: number; score: number }> {
  const scores = new Map<number, number>();
  for (const { seqs, weight } of rankings)
    for (const [i, seq] of seqs.entries()) scores.set(seq, (scores.get(seq) ?? 0) + weight / (rrfK + i + 1));
  return [...scores].map(([seq, score]) => ({ seq, score })).sort((a, b) => b.score - a.score);
}

describe('hybrid (vector + full-text, reciprocal rank fusion)', () => {
  // Near chunk 20, which also says "graph": the two candidate lists overlap.
  const vector = () => rows[20]!.embedding.map((x, i) => x + (i % 3 === 0 ? 0.05 : -0.05));
  const candidates = 30;

  it.each([
    [{ vector: 1, text: 0.5 }, 60],
    [{ vector: 0.3, text: 1 }, 10],
  ])('orders by the fused score computed from both rankings (weights %o, rrfK %d)', async (weights, rrfK) => {
    const nearest = await SearchChunk.nodes.nearest('embedding', vector(), { k: candidates }).values('seq');
    const matches = await SearchChunk.nodes.search('text', 'graph', { k: candidates }).values('seq');
    const expected = fuse(
      [
        { seqs: nearest.map((r) => r.seq), weight: weights.vector },
        { seqs: matches.map((r) => r.seq), weight: weights.text },
      ],
      rrfK,
    ).slice(0, 10);

    queries.clear();
    const result = await SearchChunk.nodes
      .hybrid(
        { vector: { field: 'embedding', vector: vector() }, text: { field: 'text', query: 'graph' } },
        { k: 10, candidates, weights, rrfK },
      )
      .all();
    expect(queries.events).toHaveLength(1);
    expect(result.map((c) => c.seq)).toEqual(expected.map((e) => e.seq));
    for (const [i, chunk] of result.entries()) expect(chunk.score).toBeCloseTo(expected[i]!.score, 12);
    // Chunk 20 is in both lists, so it makes the top 10 under either weighting.
    expect(result.map((c) => c.seq)).toContain(20);
  });

  it('expands from the fused chunks to their documents and the entities two hops away, in one round trip', async () => {
    const chunks = await SearchChunk.nodes
      .hybrid(
        { vector: { field: 'embedding', vector: vector() }, text: { field: 'text', query: 'graph' } },
        { k: 5 },
      )
      .filter({ lang: 'en' })
      .fetchRelations('document.entities')
      .all();
    expect(queries.events).toHaveLength(1);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      expect(chunk.lang).toBe('en');
      const [document] = chunk.document.cached!;
      expect(document!.seq).toBe(chunk.seq % 100);
      expect(document!.entities.cached!.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
        [document!.seq % 20, (document!.seq + 1) % 20].sort((a, b) => a - b),
      );
    }
  });
});
