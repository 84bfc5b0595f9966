// Plain data below the plan and the state that carry it (state.ts imports these types).
import type { Bound } from '../bound';

/**
 * `db.index.vector.queryNodes(index, count, vector)`, each candidate then scored exactly with
 * `vector.similarity.<similarity>(node.key, vector)`.
 */
export interface VectorSource {
  readonly kind: 'vector';
  /** `queryNodes` or `queryRelationships`. */
  readonly entity: 'node' | 'relationship';
  /** Stored property name of the vector. */
  readonly key: string;
  readonly similarity: 'cosine' | 'euclidean';
  readonly index: Bound;
  readonly count: Bound;
  readonly vector: Bound;
}

/** `db.index.fulltext.queryNodes(index, query, { limit: count })` */
export interface TextSource {
  readonly kind: 'fulltext';
  readonly entity: 'node' | 'relationship';
  readonly index: Bound;
  readonly count: Bound;
  readonly query: Bound;
}

/** Both, fused by weighted reciprocal rank: `score = Σ weight / (rrfK + rank)`, rank from 1. */
export interface HybridSource {
  readonly kind: 'hybrid';
  readonly vector: VectorSource;
  readonly text: TextSource;
  readonly vectorWeight: Bound;
  readonly textWeight: Bound;
  readonly rrfK: Bound;
}

/** Where the first stage's nodes come from when the set starts with a search. */
export type SearchSource = VectorSource | TextSource | HybridSource;
