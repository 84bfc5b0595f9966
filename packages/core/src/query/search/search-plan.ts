import { InvalidSearchError, InvalidVectorError } from '../../errors/search-errors';
import { type Vector, vectorProblems } from '../../properties/vector-type';
import type { AnnotationPlan } from '../annotation-plan';
import { Bound, integerBound } from '../bound';
import type { Predicate, SortKey } from '../plan';
import type { NodeSetState, Stage } from '../state';
import { type SearchOwner, searchTarget } from './search-index';
import type { HybridSource, SearchSource, TextSource, VectorSource } from './search-source';

/** Options shared by `nearest`, `search` and `hybrid`. */
export interface SearchOptions<S extends string = 'score'> {
  /** How many nodes to return at most (whole number >= 1). */
  k: number;
  /**
   * How many nearest / best-matching nodes to ask the index for (default `k`). Filters apply to
   * these candidates, so when a filter removes some, ask for more: `{ k: 10, candidates: 100 }`
   * returns the 10 best of the 100 candidates that pass the filter.
   */
  candidates?: number;
  /** The annotation holding the score (default `score`); usable in `values`, `orderBy` and filters. */
  as?: S;
}

/** Options of `nearest` and `search`. */
export interface ScoredSearchOptions<S extends string = 'score'> extends SearchOptions<S> {
  /** Drops candidates scoring below this (vector scores are in [0, 1]; full-text scores are unbounded). */
  minScore?: number;
}

/** Options of `hybrid`. */
export interface HybridOptions<S extends string = 'score'> extends SearchOptions<S> {
  /** Weight of each ranking in the fusion; default 1 each. */
  weights?: { vector?: number; text?: number };
  /** The RRF constant: a larger value flattens the advantage of the top ranks; default 60. */
  rrfK?: number;
}

/** The vector half of a hybrid search. */
export interface VectorQuery<F extends string = string> {
  field: F;
  vector: Vector | Float32Array | Float64Array;
}

/** The full-text half of a hybrid search. */
export interface TextQuery<F extends string = string> {
  field: F;
  /** Lucene query syntax (`matrix~`, `title:"neo"`, `graph AND database`), sent as a parameter. */
  query: string;
}

/** A vector source over `field`, with the query vector checked against the index's dimensions. */
export function vectorSource(
  definition: SearchOwner,
  field: string,
  vector: unknown,
  count: number,
): VectorSource {
  const { property, index } = searchTarget(definition, field, 'vector');
  const config = property.vector as NonNullable<typeof property.vector>;
  const problems = vectorProblems(vector, config.dimensions);
  if (problems.length > 0) throw new InvalidVectorError(definition.name, field, problems[0] as string);
  // A copy: a later change to the caller's array must not change the query.
  const copy = Array.from(vector as ArrayLike<number>);
  if (config.similarity === 'cosine' && copy.every((x) => x === 0))
    throw new InvalidVectorError(
      definition.name,
      field,
      'all components are 0, which has no cosine similarity',
    );
  return Object.freeze({
    kind: 'vector',
    entity: definition.entity ?? 'node',
    key: property.dbName,
    similarity: config.similarity,
    index: new Bound(index.name),
    count: integerBound(count),
    vector: new Bound(Object.freeze(copy)),
  });
}

/** A full-text source over `field`. */
export function textSource(
  definition: SearchOwner,
  field: string,
  query: unknown,
  count: number,
): TextSource {
  const { index } = searchTarget(definition, field, 'fulltext');
  if (typeof query !== 'string' || query.trim() === '')
    throw new InvalidSearchError(
      `search() on ${definition.name}.${field} needs a non-empty query string, got ${JSON.stringify(query)}.`,
    );
  return Object.freeze({
    kind: 'fulltext',
    entity: definition.entity ?? 'node',
    index: new Bound(index.name),
    count: integerBound(count),
    query: new Bound(query),
  });
}

/** The fused source of `hybrid`. */
export function hybridSource(
  vector: VectorSource,
  text: TextSource,
  options: Pick<HybridOptions, 'weights' | 'rrfK'>,
): HybridSource {
  const vectorWeight = options.weights?.vector ?? 1;
  const textWeight = options.weights?.text ?? 1;
  for (const [name, weight] of [
    ['vector', vectorWeight],
    ['text', textWeight],
  ] as const) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
      throw new InvalidSearchError(
        `hybrid() weights.${name} must be a finite number >= 0, got ${String(weight)}.`,
      );
  }
  if (vectorWeight === 0 && textWeight === 0)
    throw new InvalidSearchError('hybrid() needs at least one weight above 0.');
  const rrfK = options.rrfK ?? 60;
  if (typeof rrfK !== 'number' || !Number.isFinite(rrfK) || rrfK < 0)
    throw new InvalidSearchError(`hybrid() rrfK must be a finite number >= 0, got ${String(rrfK)}.`);
  return Object.freeze({
    kind: 'hybrid',
    vector,
    text,
    vectorWeight: new Bound(vectorWeight),
    textWeight: new Bound(textWeight),
    rrfK: new Bound(rrfK),
  });
}

/** `k` and `candidates`, checked: whole numbers, candidates >= k. */
export function searchCounts(
  method: string,
  options: SearchOptions<string>,
): { k: number; candidates: number } {
  if (options === null || typeof options !== 'object')
    throw new InvalidSearchError(`${method}() needs options with k, e.g. { k: 10 }.`);
  const { k, candidates = k } = options;
  if (!Number.isSafeInteger(k) || k < 1)
    throw new InvalidSearchError(`${method}() k must be a whole number >= 1, got ${String(k)}.`);
  if (!Number.isSafeInteger(candidates) || candidates < k)
    throw new InvalidSearchError(
      `${method}() candidates must be a whole number >= k (${k}), got ${String(candidates)}.`,
    );
  return { k, candidates };
}

/**
 * The set's state with its first stage reading from `source`: the score bound as an annotation,
 * the nodes ordered by it (best first), candidates below `minScore` dropped and, when more
 * candidates than `k` were asked for, the best `k` kept after the filters.
 */
export function withSearch(
  state: NodeSetState,
  method: string,
  source: SearchSource,
  options: ScoredSearchOptions<string>,
): NodeSetState {
  const stage = state.stages[0] as Stage;
  if (state.stages.length !== 1 || stage.source !== undefined || stage.via !== undefined)
    throw new InvalidSearchError(
      `${method}() must start the query (Model.nodes.${method}(...)), before traverse() and without another search.`,
    );
  const { k, candidates } = searchCounts(method, options);
  const name = options.as ?? 'score';
  const { definition } = stage;
  const clash =
    typeof name !== 'string' ||
    name === '' ||
    definition.properties.has(name) ||
    definition.aliases.has(name) ||
    definition.relationships.has(name) ||
    stage.annotations.some((a) => a.name === name) ||
    name in definition.target.prototype;
  if (clash)
    throw new InvalidSearchError(
      `${method}() cannot name its score ${JSON.stringify(name)} on ${definition.name}: that name is taken; pass { as: 'otherName' }.`,
    );
  const score: AnnotationPlan = Object.freeze({
    name,
    kind: 'score',
    hops: [],
    key: undefined,
    target: definition,
    valueType: undefined,
    distinct: false,
  });
  const where: Predicate[] = [...stage.where];
  const { minScore } = options as ScoredSearchOptions<string>;
  if (minScore !== undefined) {
    if (typeof minScore !== 'number' || !Number.isFinite(minScore))
      throw new InvalidSearchError(`${method}() minScore must be a finite number, got ${String(minScore)}.`);
    where.push(Object.freeze({ k: 'op', on: 'ann', key: name, op: 'gte', value: new Bound(minScore) }));
  }
  const order: SortKey = Object.freeze({
    text: `-${name}`,
    descending: true,
    hops: [],
    on: 'ann',
    key: name,
  });
  const first: Stage = Object.freeze({
    definition,
    via: undefined,
    length: undefined,
    source,
    where: Object.freeze(where),
    order: Object.freeze([order]),
    skip: stage.skip,
    limit: candidates > k ? integerBound(k) : stage.limit,
    distinct: stage.distinct,
    annotations: Object.freeze([score, ...stage.annotations]),
  });
  return Object.freeze({ ...state, stages: Object.freeze([first]) });
}
