import type { ProblemHandler } from '../errors';
import { InvalidFilterError, UnknownPropertyError } from '../errors/filter-errors';
import type { ModelClass } from '../mapping/model-types';
import type { NodeDefinition, RelationshipDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import type { Aggregation, Annotated, CheckedAnnotations } from './aggregations';
import { normalizeAnnotation } from './annotation-plan';
import { Bound, integerBound } from './bound';
import { buildFetchPlan, type OptionalPath } from './fetch-plan';
import { normalizeFilter, relationFilter } from './filters';
import { NodeSetResults } from './node-set-results';
import type { Predicate } from './plan';
import {
  type HybridOptions,
  hybridSource,
  type ScoredSearchOptions,
  searchCounts,
  type TextQuery,
  textSource,
  type VectorQuery,
  vectorSource,
  withSearch,
} from './search/search-plan';
import { normalizeSortKeys } from './sort-keys';
import { stageScope } from './stage-scope';
import {
  initialStage,
  lastStage,
  type NodeSetState,
  type PluginOptions,
  type QueryCallOptions,
  type Stage,
  withLastStage,
} from './state';
import { type TraverseLength, traversalBounds } from './traversal-length';
import type {
  FieldKeys,
  FilterInput,
  OrderKey,
  RelationFilter,
  RelationKeys,
  RelationModel,
  RelationPath,
  RelationTarget,
  RelFilter,
} from './types';

export type { TraverseLength };

/** Fields of `T` that can hold a vector (what `nearest` accepts). */
export type VectorKeys<T> = {
  [K in FieldKeys<T>]-?: NonNullable<T[K]> extends readonly number[] ? K : never;
}[FieldKeys<T>] &
  string;

/** Relationship filters accepted by `has`: `true`, or filters on the far side. */
export type HasFilter<T> = {
  [K in RelationKeys<T>]?: RelationFilter<RelationTarget<T, K>, RelationModel<T, K>>;
};

/**
 * An immutable query over the nodes of a model: every method returns a new set, nothing runs until
 * a terminal method (`all`, `first`, `count`, `stream`, ...) is awaited. `T` is the model (plus any
 * annotations), `R` the relationship model of the traversal that produced the set, if any.
 */
export class NodeSet<T, R = unknown> extends NodeSetResults<T, R> {
  private constructor(state: NodeSetState) {
    super(state);
  }

  /** Every node of `model`: one set per model definition, shared (sets never change). */
  static of<T extends object>(model: ModelClass<T>): NodeSet<T> {
    const definition = registry.node(model);
    let whole = wholeSets.get(definition);
    if (!whole) {
      whole = new NodeSet(
        Object.freeze({ stages: Object.freeze([initialStage(definition)]), fetch: undefined }),
      );
      wholeSets.set(definition, whole);
    }
    return whole as NodeSet<T>;
  }

  /** The nodes connected to one saved node through `relationship` (what `alice.friends` queries). */
  static related<T extends object, R = unknown>(
    target: ModelClass<T>,
    source: { readonly definition: NodeDefinition; readonly elementId: string },
    relationship: RelationshipDefinition,
  ): NodeSet<T, R> {
    const byId: Predicate = { k: 'op', on: 'id', key: '', op: 'eq', value: new Bound(source.elementId) };
    const first: Stage = Object.freeze({ ...initialStage(source.definition), where: Object.freeze([byId]) });
    const stages = Object.freeze([first, initialStage(registry.node(target), relationship)]);
    return new NodeSet<T, R>(Object.freeze({ stages, fetch: undefined }));
  }

  /** Keeps nodes matching every filter. Plain values mean equality; see the query guide for operators. */
  filter(...filters: FilterInput<T>[]): NodeSet<T, R> {
    return this.#where(filters.map((f) => normalizeFilter(stageScope(lastStage(this.state)), f)));
  }

  /** Keeps nodes that do NOT match the filters (including nodes where a filtered property is missing). */
  exclude(...filters: FilterInput<T>[]): NodeSet<T, R> {
    return this.#where(
      filters.map((f) => {
        const predicate = normalizeFilter(stageScope(lastStage(this.state)), f);
        return predicate && ({ k: 'not', item: predicate } as const);
      }),
    );
  }

  /** Keeps nodes with at least one relationship of each given field (optionally matching filters). */
  has(relations: HasFilter<T>): NodeSet<T, R> {
    return this.#relations(relations, false);
  }

  /** Keeps nodes without any relationship of the given fields (or none matching the filters). */
  hasNot(relations: HasFilter<T>): NodeSet<T, R> {
    return this.#relations(relations, true);
  }

  /** Filters on the properties of the relationship this set was reached through. */
  match(filters: RelFilter<R>): NodeSet<T, R> {
    const { via, length } = lastStage(this.state);
    if (!via) {
      throw new InvalidFilterError(
        'match() filters the relationship of a traversal; call it after traverse() or on a relationship field.',
      );
    }
    if (length) {
      throw new InvalidFilterError(
        'match() filters one relationship, and a variable-length traversal follows several; filter the nodes it reaches instead.',
      );
    }
    const predicate = normalizeFilter(stageScope(lastStage(this.state), via), filters);
    return this.#where([predicate]);
  }

  /**
   * Follows a relationship: the result is the set of nodes at the far end. With `length`, follows it
   * a variable number of times (`{ min: 1, max: 3 }`, `{ max: 2 }`, `{ exactly: 2 }`); such a set
   * holds each node it reaches once (`distinct: false` gives one row per path instead), and its
   * relationships cannot be filtered with `match()`.
   * @throws InvalidFilterError for bounds that are not whole numbers, negative, or min > max.
   */
  traverse<K extends RelationKeys<T>>(
    relation: K,
    length?: TraverseLength,
  ): NodeSet<RelationTarget<T, K>, RelationModel<T, K>> {
    const { definition } = lastStage(this.state);
    const relationship = definition.relationships.get(relation);
    if (!relationship)
      throw new UnknownPropertyError(
        definition.name,
        relation,
        [...definition.relationships.keys()],
        'relationship',
      );
    const bounds = length === undefined ? undefined : traversalBounds(relation, length);
    let next = initialStage(registry.node(relationship.target()), relationship, bounds);
    if (length?.distinct === false) next = Object.freeze({ ...next, distinct: false });
    const stages = Object.freeze([...this.state.stages, next]);
    return new NodeSet(
      Object.freeze({
        stages,
        fetch: undefined,
        call: this.state.call,
        lenient: this.state.lenient,
        pluginOptions: this.state.pluginOptions,
      }),
    );
  }

  /**
   * The `k` nodes whose vector `field` is nearest to `vector`, best first, through the field's
   * vector index: `Chunk.nodes.nearest('embedding', vector, { k: 10 })`. The similarity is the
   * annotation `score` (cosine: (1 + cos) / 2; euclidean: 1 / (1 + d²); 1 is identical). Filters
   * apply to the candidates the index returns: ask for more with `{ k: 10, candidates: 100 }`.
   * Starts the query: chain `filter`, `traverse`, `fetchRelations`, `values`, `paginate`... after it.
   * @throws MissingSearchIndexError, InvalidVectorError or InvalidSearchError, before any query runs.
   */
  nearest<S extends string = 'score'>(
    field: VectorKeys<T>,
    vector: readonly number[] | Float32Array | Float64Array,
    options: ScoredSearchOptions<S>,
  ): NodeSet<T & { [P in S]: number }, R> {
    const { candidates } = searchCounts('nearest', options);
    const source = vectorSource(this.definition, field, vector, candidates);
    return new NodeSet(withSearch(this.state, 'nearest', source, options));
  }

  /**
   * Full-text search of `field` through its full-text index, best match first:
   * `Movie.nodes.search('title', 'matrix~', { k: 10 })`. The query is Lucene syntax, sent as a
   * parameter; the relevance is the annotation `score`. Composes like {@link nearest}.
   * @throws MissingSearchIndexError or InvalidSearchError, before any query runs.
   */
  search<S extends string = 'score'>(
    field: FieldKeys<T>,
    text: string,
    options: ScoredSearchOptions<S>,
  ): NodeSet<T & { [P in S]: number }, R> {
    const { candidates } = searchCounts('search', options);
    const source = textSource(this.definition, field, text, candidates);
    return new NodeSet(withSearch(this.state, 'search', source, options));
  }

  /**
   * Vector and full-text search fused in one query by weighted reciprocal rank fusion: each node
   * scores `Σ weight / (rrfK + rank)` over the two candidate lists (rank 1 = best; default
   * weights 1, rrfK 60), and the `k` best are returned with that `score`.
   * @throws MissingSearchIndexError, InvalidVectorError or InvalidSearchError, before any query runs.
   */
  hybrid<S extends string = 'score'>(
    queries: { vector: VectorQuery<VectorKeys<T>>; text: TextQuery<FieldKeys<T>> },
    options: HybridOptions<S>,
  ): NodeSet<T & { [P in S]: number }, R> {
    const { candidates } = searchCounts('hybrid', options);
    const source = hybridSource(
      vectorSource(this.definition, queries.vector.field, queries.vector.vector, candidates),
      textSource(this.definition, queries.text.field, queries.text.query, candidates),
      options,
    );
    return new NodeSet(withSearch(this.state, 'hybrid', source, options));
  }

  /** Sorts by fields (`'-age'` is descending), related fields (`'employer.name'`) or annotations. Replaces earlier ordering. */
  orderBy(...keys: OrderKey<T>[]): NodeSet<T, R> {
    return this.#update((stage) => ({
      order: Object.freeze(normalizeSortKeys(stage, stageScope(stage), keys)),
    }));
  }

  /** Skips the first `count` nodes. */
  skip(count: number): NodeSet<T, R> {
    return this.#update(() => ({ skip: integerBound(checkCount(count, 'skip')) }));
  }

  /** Returns at most `count` nodes. */
  limit(count: number): NodeSet<T, R> {
    return this.#update(() => ({ limit: integerBound(checkCount(count, 'limit')) }));
  }

  /** Returns each node once (traversals can reach a node along several paths). */
  distinct(): NodeSet<T, R> {
    return this.#update(() => ({ distinct: true }));
  }

  /**
   * Loads relations with the nodes, in the same query: `fetchRelations('employer', 'friends.employer')`.
   * Nodes lacking a path are left out unless it is wrapped in `optional(...)`; loaded relations are
   * read with `instance.friends.cached`.
   */
  fetchRelations(...paths: Array<RelationPath<T> | OptionalPath<RelationPath<T>>>): NodeSet<T, R> {
    const fetch = buildFetchPlan(this.definition, this.state.fetch, paths);
    return new NodeSet(
      Object.freeze({
        stages: this.state.stages,
        fetch,
        call: this.state.call,
        lenient: this.state.lenient,
        pluginOptions: this.state.pluginOptions,
      }),
    );
  }

  /**
   * Reads tolerantly: a row whose stored data breaks the model (a HydrationError: missing required
   * property, wrong type, invalid format) or whose eager-loaded relations break their cardinality
   * (CardinalityViolationError) is skipped instead of failing the whole read, and passed to
   * `onProblem`. Applies to `all`, `first`, `get`, `paginate` and `stream`; the default is strict.
   * `Person.nodes.lenient((problem) => problems.push(problem)).all()`
   */
  lenient(onProblem: ProblemHandler = () => {}): NodeSet<T, R> {
    return new NodeSet(Object.freeze({ ...this.state, lenient: onProblem }));
  }

  /** Adds per-node aggregates over relationships: `annotate({ friendCount: count('friends') })`. */
  annotate<A extends Record<string, Aggregation>>(
    annotations: A & CheckedAnnotations<T, A>,
  ): NodeSet<T & Annotated<T, A>, R> {
    return this.#update((stage) => {
      const taken = new Set(stage.annotations.map((a) => a.name));
      const added = Object.entries(annotations).map(([name, aggregation]) => {
        const plan = normalizeAnnotation(stage.definition, taken, name, aggregation);
        taken.add(name);
        return plan;
      });
      return { annotations: Object.freeze([...stage.annotations, ...added]) };
    }) as unknown as NodeSet<T & Annotated<T, A>, R>;
  }

  /**
   * Bounds the terminal call of this set (`all`, `count`, `get`, `values`, `stream`, `explain`...):
   * `Person.nodes.withOptions({ timeoutMs: 2_000, signal }).count()`. `timeoutMs` overrides the
   * graph's `defaultTimeoutMs` (0 = none); `signal` cancels the call with AbortedError; `graph` runs
   * it on that graph instead of the active transaction's or the default one
   * (`Person.nodes.withOptions({ graph: analytics }).all()`).
   */
  withOptions(options: QueryCallOptions): NodeSet<T, R> {
    const call = Object.freeze({ ...this.state.call, ...options });
    return new NodeSet<T, R>(
      Object.freeze({
        stages: this.state.stages,
        fetch: this.state.fetch,
        call,
        pluginOptions: this.state.pluginOptions,
      }),
    );
  }

  /**
   * Passes options to the plugins of the query's models: `withPluginOptions({ withDeleted: true })`.
   * Options are merged with those given before.
   */
  withPluginOptions(options: PluginOptions): NodeSet<T, R> {
    const pluginOptions = Object.freeze({ ...this.state.pluginOptions, ...options });
    return new NodeSet<T, R>(Object.freeze({ ...this.state, pluginOptions }));
  }

  /** Includes nodes the soft-delete plugin marked as deleted (see `softDelete` in the plugins docs). */
  withDeleted(): NodeSet<T, R> {
    return this.withPluginOptions({ withDeleted: true });
  }

  #where(predicates: ReadonlyArray<Predicate | undefined>): NodeSet<T, R> {
    const added = predicates.filter((p): p is Predicate => p !== undefined);
    if (added.length === 0) return this;
    return this.#update((stage) => ({ where: Object.freeze([...stage.where, ...added]) }));
  }

  #relations(relations: HasFilter<T>, negate: boolean): NodeSet<T, R> {
    const { definition } = lastStage(this.state);
    const predicates = Object.entries(relations as Record<string, unknown>).map(([name, value]) => {
      const relationship = definition.relationships.get(name);
      if (!relationship)
        throw new UnknownPropertyError(
          definition.name,
          name,
          [...definition.relationships.keys()],
          'relationship',
        );
      const predicate = relationFilter(relationship, value);
      return negate ? ({ k: 'not', item: predicate } as const) : predicate;
    });
    return this.#where(predicates);
  }

  #update(change: (stage: Stage) => Partial<Stage>): NodeSet<T, R> {
    return new NodeSet<T, R>(withLastStage(this.state, change));
  }
}

/** `Model.nodes` of each model definition (a definition replaced by a re-registered class gets its own). */
const wholeSets = new WeakMap<NodeDefinition, NodeSet<unknown>>();

function checkCount(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidFilterError(`${what}() takes a whole number >= 0, got ${String(value)}.`);
  }
  return value;
}
