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
  variable,
  withClause,
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
  lockAndCount(a: string, b: string): CompiledQuery;
  create(a: string, b: string, props: Record<string, unknown>): CompiledQuery;
  deletePair(a: string, b: string): CompiledQuery;
  deleteAll(a: string): CompiledQuery;
  targetsWithCounts(a: string): CompiledQuery;
  list(a: string): CompiledQuery;
  listWith(a: string, b: string): CompiledQuery;
  count(a: string): CompiledQuery;
}

const LOCK = '__cartograph_lock';
const a = variable('a');
const b = variable('b');
const r = variable('r');
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
  // Writing to both nodes takes their write locks until commit, so a concurrent check-then-write
  // on the same nodes waits for this transaction instead of reading stale counts.
  const lockAndCount = render(
    query(
      ...matchBoth,
      set([setProperty(prop(a, LOCK), literal(true)), setProperty(prop(b, LOCK), literal(true))]),
      remove([removeProperty(prop(a, LOCK)), removeProperty(prop(b, LOCK))]),
      returnClause([
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
  const targetsWithCounts = render(
    query(
      match(node(a), { where: byId(a, 'a') }),
      set([setProperty(prop(a, LOCK), literal(true))]),
      remove([removeProperty(prop(a, LOCK))]),
      withClause([a]),
      match(owned(), {}),
      returnClause([
        { expr: fn('elementId', [b]), alias: 'id' },
        { expr: targetCount, alias: 'target' },
      ]),
    ),
  ).cypher;
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
    lockAndCount: (ia, ib) => ({ cypher: lockAndCount, params: { a: ia, b: ib } }),
    create: (ia, ib, props) => ({ cypher: createText, params: { a: ia, b: ib, props } }),
    deletePair: (ia, ib) => ({ cypher: deletePair, params: { a: ia, b: ib } }),
    deleteAll: (ia) => ({ cypher: deleteAll, params: { a: ia } }),
    targetsWithCounts: (ia) => ({ cypher: targetsWithCounts, params: { a: ia } }),
    list: (ia) => ({ cypher: list, params: { a: ia } }),
    listWith: (ia, ib) => ({ cypher: listWith, params: { a: ia, b: ib } }),
    count: (ia) => ({ cypher: count, params: { a: ia } }),
  };
}
