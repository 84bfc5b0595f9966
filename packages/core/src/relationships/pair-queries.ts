import {
  and,
  countSubquery,
  create,
  deleteClause,
  eq,
  fn,
  literal,
  match,
  node,
  param,
  pattern,
  prop,
  query,
  type RelationshipPattern,
  rel,
  remove,
  removeProperty,
  render,
  returnClause,
  set,
  setProperty,
  setReplace,
  unwind,
  variable,
} from '@cartograph/cypher';
import type { CompiledQuery } from '../graph/graph';
import type { RelationshipDefinition } from '../registry/definitions';

/** Counts that cardinality checks read (under lock) before a relationship is created or removed. */
export interface PairCounts {
  /** Relationships of this definition the owner has. */
  owner: number;
  /** Relationships of the reverse definition the other node has (0 when there is none). */
  target: number;
  /** Relationships of this definition between exactly these two nodes. */
  pair: number;
}

/** How the other end of a relationship sees it, when its model declares it too. */
export interface ReverseSide {
  readonly definition: RelationshipDefinition;
  /** Labels of the nodes the reverse definition points to (the owner's model). */
  readonly targetLabel: string;
}

/**
 * The queries a relationship manager runs, rendered once per (relationship, target, reverse) and
 * reused with parameters `a` (owner element id), `b` (other node) and `props`.
 */
export interface PairQueries {
  /** Locks both nodes (in element-id order), then counts: one round trip for connect/disconnect. */
  lockAndCount(a: string, b: string): CompiledQuery;
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

const LOCK = '__cartograph_lock';
const a = variable('a');
const b = variable('b');
const n = variable('n');
const r = variable('r');
const id = variable('id');
const byId = (v: typeof a, name: string) => eq(fn('elementId', [v]), param(undefined, name));

function step(definition: RelationshipDefinition, withVariable: boolean): RelationshipPattern {
  return rel({
    variable: withVariable ? r : undefined,
    types: [definition.type],
    direction: definition.direction,
  });
}

export function buildPairQueries(
  definition: RelationshipDefinition,
  targetLabel: string,
  reverse: ReverseSide | undefined,
): PairQueries {
  const owned = (target = node(b, [targetLabel]), withVariable = true) =>
    pattern(node(a), [step(definition, withVariable), target]);
  const matchBoth = [match(node(a), { where: byId(a, 'a') }), match(node(b), { where: byId(b, 'b') })];
  const ownerCount = countSubquery(query(match(owned(node(undefined, [targetLabel]), false))));
  const targetCount = reverse
    ? countSubquery(
        query(
          match(pattern(node(b), [step(reverse.definition, false), node(undefined, [reverse.targetLabel])])),
        ),
      )
    : literal(0);
  const pairCount = countSubquery(query(match(owned(node(b), false))));
  // Writing to a node takes its write lock until commit, so a concurrent check-then-write on the
  // same node waits for this transaction instead of reading stale counts. Every mutation locks both
  // ends before it reads anything, and always in element-id order so two writers do not deadlock.
  const lockThenCount = (first: typeof a, second: typeof a) =>
    render(
      query(
        ...matchBoth,
        set([setProperty(prop(first, LOCK), literal(true)), setProperty(prop(second, LOCK), literal(true))]),
        remove([removeProperty(prop(first, LOCK)), removeProperty(prop(second, LOCK))]),
        returnClause([
          { expr: ownerCount, alias: 'owner' },
          { expr: targetCount, alias: 'target' },
          { expr: pairCount, alias: 'pair' },
        ]),
      ),
    ).cypher;
  const lockOwnerFirst = lockThenCount(a, b);
  const lockOtherFirst = lockThenCount(b, a);
  const lockNodes = render(
    query(
      unwind(param(undefined, 'ids'), id),
      match(node(n), { where: eq(fn('elementId', [n]), id) }),
      set([setProperty(prop(n, LOCK), literal(true))]),
      remove([removeProperty(prop(n, LOCK))]),
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
      returnClause([
        id,
        { expr: ownerCount, alias: 'owner' },
        { expr: targetCount, alias: 'target' },
        { expr: pairCount, alias: 'pair' },
      ]),
    ),
  ).cypher;
  // CREATE needs a direction: an undirected (`both`) relationship is created outgoing.
  const createDirection = definition.direction === 'both' ? 'out' : definition.direction;
  const created = pattern(node(a), [
    rel({ variable: r, types: [definition.type], direction: createDirection }),
    node(b),
  ]);
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
    lockAndCount: (ia, ib) => ({
      cypher: ia <= ib ? lockOwnerFirst : lockOtherFirst,
      params: { a: ia, b: ib },
    }),
    lockNodes: (ids) => ({ cypher: lockNodes, params: { ids } }),
    targetIds: (ia) => ({ cypher: targetIds, params: { a: ia } }),
    endCounts: (ia, ids) => ({ cypher: endCounts, params: { a: ia, ids } }),
    create: (ia, ib, props, sensitive) => ({
      cypher: createText,
      params: { a: ia, b: ib, props },
      sensitive,
    }),
    deletePair: (ia, ib) => ({ cypher: deletePair, params: { a: ia, b: ib } }),
    deleteAll: (ia) => ({ cypher: deleteAll, params: { a: ia } }),
    list: (ia) => ({ cypher: list, params: { a: ia } }),
    listWith: (ia, ib) => ({ cypher: listWith, params: { a: ia, b: ib } }),
    count: (ia) => ({ cypher: count, params: { a: ia } }),
  };
}
