import { QueryFailedError } from '../../../src';
import { clearGraph, useTestGraph } from '../../support/test-graph';
import { GRAPH_CHUNKS, SearchChunk, seedSearchGraph } from './search-graph';

const { graph, queries } = useTestGraph();

beforeAll(async () => {
  await clearGraph(graph());
  await seedSearchGraph(graph());
}, 120_000);

beforeEach(() => queries.clear());

// Chunks 0..39 hold "graph" seq + 1 times in 40 words, no other chunk holds it: the matches are
// known, and more occurrences in a text of the same length always score higher.
const graphChunksBestFirst = Array.from({ length: GRAPH_CHUNKS }, (_, i) => GRAPH_CHUNKS - 1 - i);

describe('search (full-text)', () => {
  it('finds exactly the chunks holding the word, best match first', async () => {
    const result = await SearchChunk.nodes.search('text', 'graph', { k: 100 }).all();
    expect(result.map((c) => c.seq)).toEqual(graphChunksBestFirst);
    const scores = result.map((c) => c.score);
    expect(scores.every((score, i) => i === 0 || score < scores[i - 1]!)).toBe(true);
  });

  it('keeps the k best', async () => {
    const result = await SearchChunk.nodes.search('text', 'graph', { k: 5 }).values('seq');
    expect(result.map((r) => r.seq)).toEqual([39, 38, 37, 36, 35]);
  });

  it('passes Lucene syntax through: fuzzy, phrase and boolean queries', async () => {
    const fuzzy = await SearchChunk.nodes.search('text', 'grahp~', { k: 100 }).values('seq');
    expect(fuzzy.map((r) => r.seq)).toEqual(graphChunksBestFirst);
    const phrase = await SearchChunk.nodes.search('text', '"graph graph"', { k: 100 }).values('seq');
    expect(phrase.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      graphChunksBestFirst.filter((seq) => seq >= 1).sort((a, b) => a - b),
    );
    const none = await SearchChunk.nodes.search('text', 'graph AND nonexistentword', { k: 100 }).all();
    expect(none).toEqual([]);
  });

  it('filters the candidates and asks for more so that k survive', async () => {
    const few = await SearchChunk.nodes
      .search('text', 'graph', { k: 5 })
      .filter({ lang: 'de' })
      .values('seq');
    expect(few.map((r) => r.seq)).toEqual([39, 36]);
    const enough = await SearchChunk.nodes
      .search('text', 'graph', { k: 5, candidates: 40 })
      .filter({ lang: 'de' })
      .values('seq');
    expect(enough.map((r) => r.seq)).toEqual([39, 36, 33, 30, 27]);
  });

  it('minScore and orderBy work on the relevance score', async () => {
    const all = await SearchChunk.nodes.search('text', 'graph', { k: 100 }).all();
    const strong = await SearchChunk.nodes
      .search('text', 'graph', { k: 100, minScore: all[9]!.score })
      .orderBy('seq')
      .values('seq');
    expect(strong.map((r) => r.seq)).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
  });

  it('traverses to the documents of the matching chunks in one round trip', async () => {
    const documents = await SearchChunk.nodes
      .search('text', 'graph', { k: 3 })
      .traverse('document')
      .orderBy('seq')
      .values('seq');
    expect(documents.map((d) => d.seq)).toEqual([37, 38, 39]);
    expect(queries.events).toHaveLength(1);
  });

  it('sends the query text as a parameter, so Cypher in it is only text to Lucene', async () => {
    const hostile = "graph') YIELD node MATCH (n) DETACH DELETE n //";
    await expect(SearchChunk.nodes.search('text', hostile, { k: 3 }).all()).rejects.toThrow(QueryFailedError);
    expect(queries.events[0]!.cypher).not.toContain('DETACH');
    expect(await SearchChunk.nodes.count()).toBe(3000);
  });
});
