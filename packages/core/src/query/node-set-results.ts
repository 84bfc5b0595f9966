import type { CompiledQuery } from '../graph/graph';
import type { NodeDefinition } from '../registry/definitions';
import type { Aggregated, Aggregation, CheckedAggregates } from './aggregations';
import { type BulkDeleteOptions, type BulkOptions, bulkDelete, bulkUpdate, type UpdateValues } from './bulk';
import { compileNodes } from './compile';
import * as execute from './execute';
import { GroupedNodeSet } from './grouped-node-set';
import { explainQuery, type PlanSummary } from './inspect';
import { type Page, type PageOptions, paginate } from './pagination';
import { pointLookup } from './point-lookup';
import { lastStage, type NodeSetState } from './state';
import { type StreamOptions, streamNodes } from './stream';
import type { FieldKeys, FilterInput } from './types';

/**
 * The terminal operations of a node set: everything that runs a query (or shows the query that
 * would run). Kept apart from the builder methods of {@link NodeSet} so that each file stays small.
 */
export abstract class NodeSetResults<T, R = unknown> implements AsyncIterable<T> {
  readonly #state: NodeSetState;

  protected constructor(state: NodeSetState) {
    this.#state = state;
  }

  /** @internal The frozen state, for the compiler and tests. */
  get state(): NodeSetState {
    return this.#state;
  }

  /** The model definition of the nodes this set returns. */
  get definition(): NodeDefinition {
    return lastStage(this.#state).definition;
  }

  /** Keeps nodes matching every filter (defined by {@link NodeSet}). */
  abstract filter(...filters: FilterInput<T>[]): NodeSetResults<T, R>;

  /**
   * The relationships of the last traversal hop, as relationship-model instances (one per matching
   * path, in the set's order): `alice.friends.match({ strength: { gt: 3 } }).relationships()`.
   * @throws InvalidFilterError on a set that was not reached through a relationship.
   */
  async relationships(): Promise<R[]> {
    return execute.relationships<R>(this.#state);
  }

  /** Every node of the set, as model instances. */
  async all(): Promise<T[]> {
    return execute.all<T>(this.state);
  }

  /** The first node. @throws DoesNotExistError when the set is empty. */
  async first(): Promise<T> {
    return execute.first<T>(this.state, true) as Promise<T>;
  }

  /** The first node, or null when the set is empty. */
  async firstOrNull(): Promise<T | null> {
    return execute.first<T>(this.state, false);
  }

  /** The only node matching `filters`. @throws DoesNotExistError, MultipleNodesReturnedError */
  async get(filters?: FilterInput<T>): Promise<T> {
    return this.#get(filters, true) as Promise<T>;
  }

  /** The only node matching `filters`, or null. @throws MultipleNodesReturnedError */
  async getOrNull(filters?: FilterInput<T>): Promise<T | null> {
    return this.#get(filters, false);
  }

  #get(filters: FilterInput<T> | undefined, required: boolean): Promise<T | null> {
    const lookup = filters === undefined ? undefined : pointLookup(this.#state, filters);
    if (lookup) return execute.lookup<T>(this.#state, lookup, filters, required);
    return execute.get<T>((filters ? this.filter(filters) : this).state, filters, required);
  }

  /** How many nodes the set holds (after skip / limit / distinct). */
  async count(): Promise<number> {
    return execute.count(this.state);
  }

  /** Whether the set holds any node. */
  async exists(): Promise<boolean> {
    return execute.exists(this.state);
  }

  /** Plain objects with the given fields (and annotations) instead of instances. */
  async values<K extends FieldKeys<T>>(...fields: K[]): Promise<Pick<T, K>[]> {
    return execute.values<T, K>(this.state, fields);
  }

  /** One row of aggregates over the whole set: `aggregate({ people: count(), avgAge: avg('age') })`. */
  async aggregate<A extends Record<string, Aggregation>>(
    aggregates: A & CheckedAggregates<T, A>,
  ): Promise<Aggregated<T, A>> {
    return new GroupedNodeSet<T, never>(this.state, [])
      .aggregate<A>(aggregates)
      .then((rows) => rows[0] as Aggregated<T, A>);
  }

  /** Groups the set by fields; call `.aggregate({...})` on the result for one row per group. */
  groupBy<K extends FieldKeys<T>>(...fields: K[]): GroupedNodeSet<T, K> {
    return new GroupedNodeSet<T, K>(this.state, fields);
  }

  /** A page of nodes after `after` (a cursor from the previous page), ordered by the set's order keys. */
  async paginate(options: PageOptions): Promise<Page<T>> {
    return paginate<T>(this.state, options);
  }

  /** Streams nodes lazily in its own read transaction (see the query guide for the caveats). */
  stream(options?: StreamOptions): AsyncGenerator<T, void, undefined> {
    return streamNodes<T>(this.state, options);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.stream();
  }

  /** The Cypher and parameters `all()` would run. */
  toCypher(): CompiledQuery {
    return compileNodes(this.state).compiled;
  }

  /** The plan Neo4j would use for `all()`, without running it. */
  async explain(): Promise<PlanSummary> {
    return explainQuery(this.toCypher(), 'EXPLAIN', undefined, this.state.call);
  }

  /** Runs `all()`'s query with PROFILE and returns the plan with rows and db hits (results are discarded). */
  async profile(): Promise<PlanSummary> {
    return explainQuery(this.toCypher(), 'PROFILE', undefined, this.state.call);
  }

  /** Sets the given properties on every node of the set, in batches; returns how many were updated. */
  async update(values: UpdateValues<T>, options?: BulkOptions): Promise<number> {
    return bulkUpdate(this.state, values as Record<string, unknown>, options);
  }

  /**
   * Deletes every node of the set with its relationships, in batches; returns how many were
   * deleted. With the soft-delete plugin the nodes are marked deleted instead, unless `hard`.
   */
  async delete(options?: BulkDeleteOptions): Promise<number> {
    return bulkDelete(this.state, options);
  }
}
