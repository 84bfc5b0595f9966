import {
  and,
  type Clause,
  call,
  countSubquery,
  create,
  deleteClause,
  type Expr,
  eq,
  fn,
  gte,
  literal,
  lt,
  match,
  node,
  or,
  type ProjectionInput,
  param,
  pattern,
  patternComprehension,
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
  sub,
  unwind,
  type Variable,
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

const LOCK = '__cartograph_lock';
const a = variable('a');
const b = variable('b');
const n = variable('n');
const r = variable('r');
const id = variable('id');
const byId = (v: typeof a, name: string) => eq(fn('elementId', [v]), param(undefined, name));

/**
 * `-[v:TYPE]->` of a relationship field (or `<-`, `-`, as declared). `create`: CREATE needs a
 * direction, so an undirected (`both`) relationship is created outgoing.
 */
export function fieldStep(
  definition: RelationshipDefinition,
  v: Variable | undefined,
  create = false,
): RelationshipPattern {
  const direction = create && definition.direction === 'both' ? 'out' : definition.direction;
  return rel({ variable: v, types: [definition.type], direction });
}

function step(definition: RelationshipDefinition, withVariable: boolean): RelationshipPattern {
  return fieldStep(definition, withVariable ? r : undefined);
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
  // Connect and disconnect are one statement each: the locks, the counts under them, then a
  // subquery that writes only when the checks pass. It ends in an aggregate, so it returns one row
  // either way; a write it refuses changes nothing, and the caller raises the typed error from the
  // counts.
  const [owner, target, pair] = [variable('owner'), variable('target'), variable('pair')];
  const lockCountThen = (
    first: Variable,
    second: Variable,
    checks: Expr[],
    write: Clause[],
    extra: { before?: ProjectionInput; after: ProjectionInput },
  ) =>
    render(
      query(
        ...matchBoth,
        set([setProperty(prop(first, LOCK), literal(true)), setProperty(prop(second, LOCK), literal(true))]),
        remove([removeProperty(prop(first, LOCK)), removeProperty(prop(second, LOCK))]),
        withClause([
          a,
          b,
          { expr: ownerCount, alias: 'owner' },
          { expr: targetCount, alias: 'target' },
          { expr: pairCount, alias: 'pair' },
          ...(extra.before ? [extra.before] : []),
        ]),
        call(query(withClause([a, b, owner, target, pair], { where: and(...checks) }), ...write), {
          importVariables: ['a', 'b', 'owner', 'target', 'pair'],
        }),
        returnClause([owner, target, pair, ...(extra.before ? [variable('existing')] : []), extra.after]),
      ),
    ).cypher;
  const { min: ownerMin, max: ownerMax } = definition.cardinality;
  const far = reverse?.definition.cardinality;
  const connectChecks: Expr[] = [or(eq(pair, literal(0)), param(undefined, 'parallel'))];
  if (Number.isFinite(ownerMax)) connectChecks.push(lt(owner, literal(ownerMax)));
  if (far && Number.isFinite(far.max)) connectChecks.push(lt(target, literal(far.max)));
  const disconnectChecks: Expr[] = [gte(pair, literal(1))];
  if (ownerMin > 0) disconnectChecks.push(gte(sub(owner, pair), literal(ownerMin)));
  if (far && far.min > 0) disconnectChecks.push(gte(sub(target, pair), literal(far.min)));
  const e = variable('e');
  const existing: ProjectionInput = {
    expr: patternComprehension(pattern(node(a), [fieldStep(definition, e), node(b)]), { map: e }),
    alias: 'existing',
  };
  const connectWrite = (first: Variable, second: Variable) =>
    lockCountThen(
      first,
      second,
      connectChecks,
      [
        create(pattern(node(a), [fieldStep(definition, r, true), node(b)])),
        set([setReplace(r, param(undefined, 'props'))]),
        returnClause([{ expr: fn('collect', [r]), alias: 'created' }]),
      ],
      { before: existing, after: variable('created') },
    );
  const disconnectWrite = (first: Variable, second: Variable) =>
    lockCountThen(
      first,
      second,
      disconnectChecks,
      [
        match(owned(node(b))),
        deleteClause([r]),
        returnClause([{ expr: fn('count', [r]), alias: 'deleted' }]),
      ],
      { after: variable('deleted') },
    );
  const connectOwnerFirst = connectWrite(a, b);
  const connectOtherFirst = connectWrite(b, a);
  const disconnectOwnerFirst = disconnectWrite(a, b);
  const disconnectOtherFirst = disconnectWrite(b, a);
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
    connect: (ia, ib, props, parallel, sensitive) => ({
      cypher: ia <= ib ? connectOwnerFirst : connectOtherFirst,
      params: { a: ia, b: ib, props, parallel },
      sensitive,
    }),
    disconnect: (ia, ib) => ({
      cypher: ia <= ib ? disconnectOwnerFirst : disconnectOtherFirst,
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
