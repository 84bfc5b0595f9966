import 'reflect-metadata';
import {
  IntegerProperty,
  MissingSearchIndexError,
  Node,
  NodeEntity,
  type NodeSet,
  nearestRelationships,
  Rel,
  RelationshipEntity,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  searchRelationships,
  VectorProperty,
} from '../../../src';
import { clearGraph, useTestGraph } from '../../support/test-graph';
import { euclideanScore, prng, randomVector } from './search-graph';

// Readers review books; each review has a comment (full-text index) and an embedding (euclidean
// vector index on the relationship type).
const DIMS = 8;

@Rel('SEARCH_REVIEWED')
class Review extends RelationshipEntity {
  @IntegerProperty() seq!: number;
  @StringProperty({ index: 'fulltext' }) comment!: string;
  @VectorProperty({ dimensions: DIMS, similarity: 'euclidean' }) embedding!: number[];
  @StringProperty() mood?: string;
}

@Node()
class SearchBook extends NodeEntity {
  declare static readonly nodes: NodeSet<SearchBook>;
  @IntegerProperty({ unique: true }) seq!: number;
}

// Registered for the schema plan and the data below (readers are only reached through reviews).
@Node()
export class SearchReader extends NodeEntity {
  declare static readonly nodes: NodeSet<SearchReader>;
  @IntegerProperty({ unique: true }) seq!: number;
  @RelationshipTo(() => SearchBook, 'SEARCH_REVIEWED', { model: Review })
  reviewed!: RelationshipManager<SearchBook, Review>;
}

const { graph } = useTestGraph();
const REVIEWS = 1000;
const reviews: Array<{ seq: number; comment: string; embedding: number[] }> = [];

beforeAll(async () => {
  await clearGraph(graph());
  await graph().installSchema();
  const random = prng(5);
  for (let seq = 0; seq < REVIEWS; seq++)
    reviews.push({
      seq,
      // Reviews 0..9 say "gripping" seq + 1 times in 12 words, no other review does.
      comment: Array.from({ length: 12 }, (_, i) => (seq < 10 && i <= seq ? 'gripping' : 'long')).join(' '),
      embedding: randomVector(random, DIMS),
    });
  await graph().cypher(
    `UNWIND $reviews AS review
     MERGE (r:SearchReader {seq: review.seq % 50})
     MERGE (b:SearchBook {seq: review.seq % 70})
     CREATE (r)-[:SEARCH_REVIEWED {seq: review.seq, comment: review.comment, embedding: review.embedding}]->(b)`,
    { reviews },
  );
  await graph().cypher('CALL db.awaitIndexes(300)');
}, 120_000);

describe('relationship vector search', () => {
  it('returns the nearest relationships with the exact euclidean score, as model instances', async () => {
    const random = prng(17);
    let found = 0;
    for (let q = 0; q < 10; q++) {
      const query = randomVector(random, DIMS);
      const result = await nearestRelationships(Review, 'embedding', query, { k: 5 });
      expect(result).toHaveLength(5);
      for (const review of result) {
        expect(review).toBeInstanceOf(Review);
        expect(review.score).toBeCloseTo(euclideanScore(query, reviews[review.seq]!.embedding), 6);
        expect(review.startNodeElementId).toBeDefined();
      }
      const exact = reviews
        .map((r) => ({ seq: r.seq, score: euclideanScore(query, r.embedding) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 5)
        .map((r) => r.seq);
      found += result.filter((review) => exact.includes(review.seq)).length;
    }
    // Approximate index: recall@5 over 10 queries of at least 0.5, far from both what HNSW gives
    // (near 1) and what a wrong index or formula gives (near 0); see nearest.test.ts.
    expect(found / 50).toBeGreaterThanOrEqual(0.5);
  });

  it('keeps only those above minScore', async () => {
    const query = reviews[42]!.embedding;
    const result = await nearestRelationships(Review, 'embedding', query, { k: 5, minScore: 0.999 });
    expect(result.map((r) => r.seq)).toEqual([42]);
    expect(result[0]!.score).toBe(1);
  });
});

describe('relationship full-text search', () => {
  it('finds exactly the relationships whose text matches, best first', async () => {
    const result = await searchRelationships(Review, 'comment', 'gripping', { k: 50 });
    expect(result.map((r) => r.seq)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('refuses a relationship property without the index before running', async () => {
    await expect(searchRelationships(Review, 'mood', 'happy', { k: 5 })).rejects.toThrow(
      MissingSearchIndexError,
    );
  });
});
