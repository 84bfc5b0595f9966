import {
  and,
  create,
  deleteClause,
  eq,
  fn,
  match,
  merge,
  node,
  param,
  pattern,
  query,
  render,
  returnClause,
  set,
  setReplace,
  unwind,
  variable,
} from '@cartograph/cypher';
import type { CompiledQuery } from '../graph/graph';
import type { RelationshipDefinition } from '../registry/definitions';
import { boundsToCheck, fieldStep, pairWrites, type ReverseSide, writeLock } from './pair-writes';

/** Counts that cardinality checks read (under lock) before a relationship is created or removed. */
export interface PairCounts {
  /** Relationships of this definition the owner has. */
  owner: number;
  /** Relationships of the reverse definition the other node has (0 when there is none). */
  target: number;
  /** Relationships of this definition between exactly these two nodes. */
  pair: number;
}

/**
 * The queries a relationship manager runs, rendered once per (relationship, target, reverse) and
 * reused with parameters `a` (owner element id), `b` (other node) and `props`.
 */
export interface PairQueries {
  /**
   * Connect in one statement: locks both nodes (in element-id order), counts both ends under the
   * locks, and creates the relationship only when the pair is not connected yet (or `parallel`)
   * and neither end would exceed its maximum; otherwise it writes nothing. One row (none when a
   * node is gone): the counts, `created` (a list of at most one) and `existing` (the pair's
   * relationships before the statement).
   */
  connect(
    a: string,
    b: string,
    props: Record<string, unknown>,
    parallel: boolean,
    sensitive?: readonly string[],
  ): CompiledQuery;
  /**
   * Whether a `connect` without `parallel` can be {@link PairQueries.merge}: neither end has a
   * maximum, so there is no count for a lock to protect.
   */
  readonly merges: boolean;
  /**
   * Connect on a field without a maximum on either end, in one statement that writes to no node:
   * MERGE between the two (`props` set on creation), which locks both before it matches again and
   * creates, so concurrent callers create the pair once. One row, `r` (none when a node is gone).
   */
  merge(a: string, b: string, props: Record<string, unknown>, sensitive?: readonly string[]): CompiledQuery;
  /**
   * Disconnect in one statement: the same locks and counts, then deletes the pair's relationships
   * only when neither end would fall below its minimum. One row: the counts and `deleted`.
   */
  disconnect(a: string, b: string): CompiledQuery;
  /** Locks the given nodes in the order given (callers pass them sorted); returns the ids locked. */
  lockNodes(ids: readonly string[]): CompiledQuery;
  /** Element ids of the owner's current targets through this field (one row per target). */
  targetIds(a: string): CompiledQuery;
  /** For each of `ids`: the pair count with the owner and that node's reverse-side count. */
  endCounts(a: string, ids: readonly string[]): CompiledQuery;
  /** `sensitive`: stored names of the relationship model's sensitive properties (masked in logs and errors). */
  create(a: string, b: string, props: Record<string, unknown>, sensitive?: readonly string[]): CompiledQuery;
  deletePair(a: string, b: string): CompiledQuery;
  deleteAll(a: string): CompiledQuery;
  list(a: string): CompiledQuery;
  listWith(a: string, b: string): CompiledQuery;
  count(a: string): CompiledQuery;
}

const a = variable('a');
const b = variable('b');
const n = variable('n');
const r = variable('r');
const id = variable('id');
const byId = (v: typeof a, name: string) => eq(fn('elementId', [v]), param(undefined, name));

/** `model`: the name of the model declaring the field (`CompiledQuery.model` of every query). */
export function buildPairQueries(
  definition: RelationshipDefinition,
  targetLabel: string,
  reverse: ReverseSide | undefined,
  model: string,
): PairQueries {
  const owned = (target = node(b, [targetLabel])) => pattern(node(a), [fieldStep(definition, r), target]);
  const matchBoth = [match(node(a), { where: byId(a, 'a') }), match(node(b), { where: byId(b, 'b') })];
  const writes = pairWrites(definition, targetLabel, reverse);
  const lockNodes = render(
    query(
      unwind(param(undefined, 'ids'), id),
      match(node(n), { where: eq(fn('elementId', [n]), id) }),
      ...writeLock(n),
      returnClause([{ expr: fn('elementId', [n]), alias: 'id' }]),
    ),
  ).cypher;
  const targetIds = render(
    query(
      match(owned(), { where: byId(a, 'a') }),
      returnClause([{ expr: fn('elementId', [b]), alias: 'id' }], { distinct: true }),
    ),
  ).cypher;
  const endCounts = render(
    query(
      match(node(a), { where: byId(a, 'a') }),
      unwind(param(undefined, 'ids'), id),
      match(node(b), { where: eq(fn('elementId', [b]), id) }),
      returnClause([id, ...writes.counts]),
    ),
  ).cypher;
  // Connect and disconnect are one statement each (see PairWrites); the caller picks the variant
  // that locks the lower element id first.
  const [ownerFirst, otherFirst] = [
    [...matchBoth, ...writeLock(a, b)],
    [...matchBoth, ...writeLock(b, a)],
  ];
  const connectOwnerFirst = render(writes.connect(ownerFirst)).cypher;
  const connectOtherFirst = render(writes.connect(otherFirst)).cypher;
  const disconnectOwnerFirst = render(writes.disconnect(ownerFirst)).cypher;
  const disconnectOtherFirst = render(writes.disconnect(otherFirst)).cypher;
  const mergeText = render(
    query(
      ...matchBoth,
      merge(pattern(node(a), [fieldStep(definition, r), node(b)]), {
        onCreate: [setReplace(r, param(undefined, 'props'))],
      }),
      returnClause([r]),
    ),
  ).cypher;
  const maxima = boundsToCheck(definition, reverse, true);
  const merges = !maxima.owner && !maxima.target;
  const created = pattern(node(a), [fieldStep(definition, r, true), node(b)]);
  const createText = render(
    query(...matchBoth, create(created), set([setReplace(r, param(undefined, 'props'))]), returnClause([r])),
  ).cypher;
  const deletePair = render(
    query(
      match(owned(node(b)), { where: and(byId(a, 'a'), byId(b, 'b')) }),
      deleteClause([r]),
      returnClause([{ expr: fn('count', [r]), alias: 'deleted' }]),
    ),
  ).cypher;
  const deleteAll = render(query(match(owned(), { where: byId(a, 'a') }), deleteClause([r]))).cypher;
  const list = render(query(match(owned(), { where: byId(a, 'a') }), returnClause([b, r]))).cypher;
  const listWith = render(
    query(match(owned(), { where: and(byId(a, 'a'), byId(b, 'b')) }), returnClause([b, r])),
  ).cypher;
  const count = render(
    query(
      match(owned(), { where: byId(a, 'a') }),
      returnClause([{ expr: fn('count', [r]), alias: 'count' }]),
    ),
  ).cypher;
  return {
    merges,
    merge: (ia, ib, props, sensitive) => ({
      cypher: mergeText,
      params: { a: ia, b: ib, props },
      sensitive,
      model,
    }),
    connect: (ia, ib, props, parallel, sensitive) => ({
      cypher: ia <= ib ? connectOwnerFirst : connectOtherFirst,
      params: { a: ia, b: ib, props, parallel },
      sensitive,
      model,
    }),
    disconnect: (ia, ib) => ({
      cypher: ia <= ib ? disconnectOwnerFirst : disconnectOtherFirst,
      params: { a: ia, b: ib },
      model,
    }),
    lockNodes: (ids) => ({ cypher: lockNodes, params: { ids }, model }),
    targetIds: (ia) => ({ cypher: targetIds, params: { a: ia }, model }),
    endCounts: (ia, ids) => ({ cypher: endCounts, params: { a: ia, ids }, model }),
    create: (ia, ib, props, sensitive) => ({
      cypher: createText,
      params: { a: ia, b: ib, props },
      sensitive,
      model,
    }),
    deletePair: (ia, ib) => ({ cypher: deletePair, params: { a: ia, b: ib }, model }),
    deleteAll: (ia) => ({ cypher: deleteAll, params: { a: ia }, model }),
    list: (ia) => ({ cypher: list, params: { a: ia }, model }),
    listWith: (ia, ib) => ({ cypher: listWith, params: { a: ia, b: ib }, model }),
    count: (ia) => ({ cypher: count, params: { a: ia }, model }),
  };
}
