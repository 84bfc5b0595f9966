// Every mistake below is caught while the query is built: these tests run without a database.
import {
  InvalidSearchError,
  InvalidVectorError,
  MissingSearchIndexError,
  UnknownPropertyError,
  ValidationError,
} from '../../../src';
import { DIMENSIONS, SearchChunk } from './search-graph';

const vector = Array.from({ length: DIMENSIONS }, (_, i) => (i + 1) / DIMENSIONS);

describe('search errors before the server', () => {
  it('refuses nearest() on a property without a vector index', () => {
    // `text` has a full-text index, not a vector index.
    expect(() => SearchChunk.nodes.nearest('text' as never, vector, { k: 5 })).toThrow(
      MissingSearchIndexError,
    );
    expect(() => SearchChunk.nodes.nearest('text' as never, vector, { k: 5 })).toThrow(/VectorProperty/);
  });

  it('refuses search() on a property without a full-text index', () => {
    expect(() => SearchChunk.nodes.search('lang', 'de', { k: 5 })).toThrow(MissingSearchIndexError);
  });

  it('refuses an undeclared property', () => {
    expect(() => SearchChunk.nodes.nearest('nothing' as never, vector, { k: 5 })).toThrow(
      UnknownPropertyError,
    );
  });

  it('refuses a vector of the wrong length', () => {
    expect(() => SearchChunk.nodes.nearest('embedding', [1, 2, 3], { k: 5 })).toThrow(InvalidVectorError);
    expect(() => SearchChunk.nodes.nearest('embedding', [1, 2, 3], { k: 5 })).toThrow(
      `expected ${DIMENSIONS} dimensions, got a vector of length 3`,
    );
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses a component that is %s', (bad) => {
    const withBad = vector.slice();
    withBad[7] = bad;
    expect(() => SearchChunk.nodes.nearest('embedding', withBad, { k: 5 })).toThrow(InvalidVectorError);
    expect(() => SearchChunk.nodes.nearest('embedding', withBad, { k: 5 })).toThrow(/component 7/);
  });

  it('refuses a zero vector for cosine similarity, but not for euclidean', () => {
    const zero = new Array(DIMENSIONS).fill(0);
    expect(() => SearchChunk.nodes.nearest('embedding', zero, { k: 5 })).toThrow(InvalidVectorError);
    expect(() => SearchChunk.nodes.nearest('position', zero, { k: 5 })).not.toThrow();
  });

  it('accepts a Float32Array and copies it, so later changes do not reach the query', () => {
    const typed = Float32Array.from(vector);
    const set = SearchChunk.nodes.nearest('embedding', typed, { k: 5 });
    typed[0] = 99;
    const sent = Object.values(set.toCypher().params).find(Array.isArray) as number[];
    expect(sent).toEqual(Array.from(Float32Array.from(vector)));
  });

  it.each([0, -1, 1.5, Number.NaN, undefined])('refuses k = %s', (k) => {
    expect(() => SearchChunk.nodes.nearest('embedding', vector, { k: k as number })).toThrow(
      InvalidSearchError,
    );
  });

  it('refuses fewer candidates than k', () => {
    expect(() => SearchChunk.nodes.nearest('embedding', vector, { k: 10, candidates: 5 })).toThrow(
      InvalidSearchError,
    );
  });

  it('refuses an empty full-text query', () => {
    expect(() => SearchChunk.nodes.search('text', '  ', { k: 5 })).toThrow(InvalidSearchError);
  });

  it('refuses a search after a traversal, and two searches in one query', () => {
    const first = SearchChunk.nodes.nearest('embedding', vector, { k: 5 });
    expect(() => first.nearest('position', vector, { k: 5 })).toThrow(InvalidSearchError);
    expect(() =>
      SearchChunk.nodes.traverse('document').traverse('chunks').nearest('embedding', vector, { k: 5 }),
    ).toThrow(InvalidSearchError);
  });

  it('refuses a score name that is already a field', () => {
    expect(() => SearchChunk.nodes.nearest('embedding', vector, { k: 5, as: 'lang' })).toThrow(
      InvalidSearchError,
    );
  });

  it('refuses negative or all-zero hybrid weights', () => {
    const queries = {
      vector: { field: 'embedding', vector },
      text: { field: 'text', query: 'graph' },
    } as const;
    expect(() => SearchChunk.nodes.hybrid(queries, { k: 5, weights: { vector: -1 } })).toThrow(
      InvalidSearchError,
    );
    expect(() => SearchChunk.nodes.hybrid(queries, { k: 5, weights: { vector: 0, text: 0 } })).toThrow(
      InvalidSearchError,
    );
  });
});

describe('compiled search queries', () => {
  it('puts the vector, k and the index name from the schema plan in parameters, never in the text', () => {
    const { cypher, params } = SearchChunk.nodes
      .nearest('embedding', vector, { k: 10, candidates: 50 })
      .filter({ lang: 'de' })
      .toCypher();
    expect(cypher).toBe(
      [
        'CALL db.index.vector.queryNodes($v0, $v1, $v2) YIELD `node` AS n0',
        'WITH n0, vector.similarity.cosine(n0.embedding, $v2) AS a1',
        'MATCH (n0:SearchChunk) WHERE n0.lang = $v3',
        'WITH n0, a1 ORDER BY a1 DESC LIMIT $v4',
        'RETURN n0, a1',
      ].join('\n'),
    );
    expect(params).toEqual({ v0: 'searchchunk_embedding_vector', v1: 50n, v2: vector, v3: 'de', v4: 10n });
  });

  it('caches the text by shape: another vector and k reuse it', () => {
    const a = SearchChunk.nodes.nearest('embedding', vector, { k: 3 }).toCypher();
    const b = SearchChunk.nodes
      .nearest(
        'embedding',
        vector.map((x) => -x),
        { k: 7 },
      )
      .toCypher();
    expect(b.cypher).toBe(a.cypher);
    expect(b.params.v1).toBe(7n);
    const euclidean = SearchChunk.nodes.nearest('position', vector, { k: 3 }).toCypher();
    expect(euclidean.cypher).toContain('vector.similarity.euclidean(n0.position, $v2)');
  });
});

describe('the vector property on write', () => {
  it('refuses a stored vector of the wrong length or with NaN, naming the field', async () => {
    const chunk = new SearchChunk();
    Object.assign(chunk, { seq: 1, lang: 'en', text: 'x', embedding: [1, 2], position: vector });
    await expect(chunk.save()).rejects.toThrow(ValidationError);
    Object.assign(chunk, { embedding: vector.map((x, i) => (i === 3 ? Number.NaN : x)) });
    await expect(chunk.save()).rejects.toThrow(/embedding/);
  });
});
