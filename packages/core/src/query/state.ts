import type { ProblemHandler } from '../errors';
import type { CallOptions } from '../executor/deadline';
import type { GraphOption } from '../graph/resolve-graph';
import type { NodeDefinition, RelationshipDefinition } from '../registry/definitions';
import type { AnnotationPlan } from './annotation-plan';
import type { Bound } from './bound';
import type { FetchPlan } from './fetch-plan';
import type { Predicate, SortKey } from './plan';
import type { SearchSource } from './search/search-source';

/**
 * One node position in a traversal: `Person.nodes.filter(...)` has one stage, each `traverse()`
 * adds another. Modifiers on a stage that is not the last (ordering, paging, distinct,
 * annotations) make the compiler close the pattern with a WITH there, so they apply before the
 * traversal continues.
 */
export interface Stage {
  readonly definition: NodeDefinition;
  /** The relationship leading here from the previous stage; absent on the first. */
  readonly via: RelationshipDefinition | undefined;
  /** Set when `via` is followed a variable number of times (`traverse('friends', { min: 1, max: 3 })`). */
  readonly length: TraversalLength | undefined;
  /** First stage only: the nodes come from a vector / full-text search instead of a label scan. */
  readonly source?: SearchSource;
  /** Conjunction of filters on this stage's node (and on the relationship leading here). */
  readonly where: readonly Predicate[];
  readonly order: readonly SortKey[];
  /** SKIP and LIMIT, sent as INTEGER parameters. */
  readonly skip: Bound<bigint> | undefined;
  readonly limit: Bound<bigint> | undefined;
  readonly distinct: boolean;
  readonly annotations: readonly AnnotationPlan[];
}

/** The bounds of a variable-length traversal: between `min` and `max` relationships (inclusive). */
export interface TraversalLength {
  readonly min: number;
  readonly max: number;
}

/** Options of a set's terminal call (`withOptions`): its bounds and the graph it runs on. */
export interface QueryCallOptions extends CallOptions, GraphOption {}

/** Everything a NodeSet knows; frozen, and shared between sets derived from one another. */
export interface NodeSetState {
  readonly stages: readonly Stage[];
  /** Relations to eager-load on the final stage's nodes. */
  readonly fetch: FetchPlan | undefined;
  /** Deadline and signal of the terminal call (`withOptions`); not part of the query. */
  readonly call?: QueryCallOptions;
  /** Set by `lenient()`: rows with invalid stored data are skipped and reported here. */
  readonly lenient?: ProblemHandler;
  /** Options plugins read (e.g. `withDeleted()` of the soft-delete plugin); see `src/plugins`. */
  readonly pluginOptions?: PluginOptions;
  /** Set on the plan after plugins transformed it (its hops may carry guards). */
  readonly guarded?: boolean;
}

/** Flags a query passes to plugins: `{ withDeleted: true }`. */
export type PluginOptions = Readonly<Record<string, unknown>>;

export function initialStage(
  definition: NodeDefinition,
  via?: RelationshipDefinition,
  length?: TraversalLength,
): Stage {
  return Object.freeze({
    definition,
    via,
    length,
    source: undefined,
    where: [],
    order: [],
    skip: undefined,
    limit: undefined,
    // A variable-length traversal reaches a node once per path; as a set it returns each node once.
    distinct: length !== undefined,
    annotations: [],
  });
}

/** The final stage. */
export function lastStage(state: NodeSetState): Stage {
  return state.stages[state.stages.length - 1] as Stage;
}

/** A new state whose final stage is `update(final stage)`. */
export function withLastStage(state: NodeSetState, update: (stage: Stage) => Partial<Stage>): NodeSetState {
  const stages = state.stages.slice();
  const last = stages[stages.length - 1] as Stage;
  const change = update(last);
  // Spelled out rather than spread, so every stage object has one shape (spreads of varying
  // partial objects measured as the slowest step of building a chain). The fields are in the order
  // of the text (a search's source first), so that the compile cache numbers the parameters so.
  stages[stages.length - 1] = Object.freeze({
    definition: last.definition,
    via: last.via,
    length: last.length,
    source: last.source,
    where: change.where ?? last.where,
    order: change.order ?? last.order,
    skip: 'skip' in change ? change.skip : last.skip,
    limit: 'limit' in change ? change.limit : last.limit,
    distinct: change.distinct ?? last.distinct,
    annotations: change.annotations ?? last.annotations,
  });
  return Object.freeze({
    stages: Object.freeze(stages),
    fetch: state.fetch,
    call: state.call,
    lenient: state.lenient,
    pluginOptions: state.pluginOptions,
  });
}

/** Whether a stage that is not the last must be closed with a WITH before the traversal goes on. */
export function needsBarrier(stage: Stage): boolean {
  return (
    stage.distinct ||
    stage.order.length > 0 ||
    stage.skip !== undefined ||
    stage.limit !== undefined ||
    stage.annotations.length > 0
  );
}
