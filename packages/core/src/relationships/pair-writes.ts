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
  type Query,
  query,
  type RelationshipPattern,
  rel,
  remove,
  removeProperty,
  returnClause,
  set,
  setProperty,
  setReplace,
  sub,
  type Variable,
  variable,
  withClause,
} from '@cartograph/cypher';
import type { RelationshipDefinition } from '../registry/definitions';

/** How the other end of a relationship sees it, when its model declares it too. */
export interface ReverseSide {
  readonly definition: RelationshipDefinition;
  /** Labels of the nodes the reverse definition points to (the owner's model). */
  readonly targetLabel: string;
}

/** A column a single-pair write computes after its locks, hands to the checks and returns. */
export interface Carried {
  readonly expr: Expr;
  readonly alias: string;
}

/**
 * The single-pair writes of one field as one statement each: after a `head` that binds `a` (the
 * owner) and `b` and write-locks both, the counts of both ends and of the pair under those locks,
 * then a subquery that writes only when the checks pass. It ends in an aggregate, so it returns one
 * row either way; a write it refuses changes nothing, and the caller raises the typed error from
 * the counts (`owner`, `target`, `pair`).
 */
export interface PairWrites {
  /** `owner`, `target` and `pair`: the counts of both ends and of the pair, as columns over `a` and `b`. */
  readonly counts: readonly ProjectionInput[];
  /**
   * Creates the relationship (`$props`) when the pair is not related yet (or `$parallel`) and
   * neither end would exceed its maximum, and every check of `guard` holds. Returns the counts
   * (0 for an end without a maximum: nothing reads it), `existing` (the pair's relationships
   * before the statement), `created` (a list of at most one) and `guard`'s columns.
   */
  connect(head: readonly Clause[], guard?: { carried: readonly Carried[]; checks: readonly Expr[] }): Query;
  /** Deletes the pair's relationships when neither end would fall below its minimum; returns the counts and `deleted`. */
  disconnect(head: readonly Clause[]): Query;
}

/** The property every lock sets and removes at once: writing it takes the node's write lock. */
const LOCK = '__cartograph_lock';
const a = variable('a');
const b = variable('b');
const r = variable('r');
const e = variable('e');
const [owner, target, pair] = [variable('owner'), variable('target'), variable('pair')];

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

/**
 * `SET v.lock = true REMOVE v.lock` for each of `nodes`, in the order given. Writing to a node takes
 * its write lock until commit, so a concurrent check-then-write on the same node waits for this
 * transaction instead of reading stale counts. Every mutation locks both ends before it reads
 * anything, and always in element-id order (callers pass the lower id first, or bind rows sorted
 * by it) so that two writers do not deadlock.
 */
export function writeLock(...nodes: Variable[]): Clause[] {
  return [
    set(nodes.map((v) => setProperty(prop(v, LOCK), literal(true)))),
    remove(nodes.map((v) => removeProperty(prop(v, LOCK)))),
  ];
}

/**
 * Which ends of a field have a bound a write must check under lock: their maxima when adding a
 * relationship, their minima when removing one. `target` only when the other model declares the
 * reverse side. An end without one needs no count, and a field without either needs no lock.
 */
export function boundsToCheck(
  definition: RelationshipDefinition,
  reverse: ReverseSide | undefined,
  adding: boolean,
): { owner: boolean; target: boolean } {
  const bounded = (side: RelationshipDefinition) =>
    adding ? Number.isFinite(side.cardinality.max) : side.cardinality.min > 0;
  return { owner: bounded(definition), target: reverse ? bounded(reverse.definition) : false };
}

export function pairWrites(
  definition: RelationshipDefinition,
  targetLabel: string,
  reverse: ReverseSide | undefined,
): PairWrites {
  const owned = (to: ReturnType<typeof node>) => pattern(node(a), [fieldStep(definition, undefined), to]);
  const ownerCount = countSubquery(query(match(owned(node(undefined, [targetLabel])))));
  const targetCount = reverse
    ? countSubquery(
        query(
          match(
            pattern(node(b), [
              fieldStep(reverse.definition, undefined),
              node(undefined, [reverse.targetLabel]),
            ]),
          ),
        ),
      )
    : literal(0);
  /** The three count columns; an end whose count no check reads is 0 (not counted). */
  const countColumns = (ownerCounted: boolean, targetCounted: boolean): ProjectionInput[] => [
    { expr: ownerCounted ? ownerCount : literal(0), alias: 'owner' },
    { expr: targetCounted ? targetCount : literal(0), alias: 'target' },
    { expr: countSubquery(query(match(owned(node(b))))), alias: 'pair' },
  ];
  const counts = countColumns(true, true);
  const countThenWrite = (
    head: readonly Clause[],
    columns: readonly ProjectionInput[],
    checks: readonly Expr[],
    write: readonly Clause[],
    extra: { before?: ProjectionInput; after: Variable; carried?: readonly Carried[] },
  ) => {
    const carried = extra.carried ?? [];
    const carriedVariables = carried.map((column) => variable(column.alias));
    return query(
      ...head,
      withClause([a, b, ...columns, ...carried, ...(extra.before ? [extra.before] : [])]),
      call(
        query(
          withClause([a, b, owner, target, pair, ...carriedVariables], { where: and(...checks) }),
          ...write,
        ),
        { importVariables: ['a', 'b', 'owner', 'target', 'pair', ...carried.map((column) => column.alias)] },
      ),
      returnClause([
        owner,
        target,
        pair,
        ...(extra.before ? [variable('existing')] : []),
        extra.after,
        ...carriedVariables,
      ]),
    );
  };
  const { min: ownerMin, max: ownerMax } = definition.cardinality;
  const far = reverse?.definition.cardinality;
  const connectChecks: Expr[] = [or(eq(pair, literal(0)), param(undefined, 'parallel'))];
  const maxima = boundsToCheck(definition, reverse, true);
  if (maxima.owner) connectChecks.push(lt(owner, literal(ownerMax)));
  if (maxima.target) connectChecks.push(lt(target, literal(far!.max)));
  // Adding checks maxima only: an unbounded end's count would be read for nothing.
  const connectCounts = countColumns(maxima.owner, maxima.target);
  const disconnectChecks: Expr[] = [gte(pair, literal(1))];
  if (ownerMin > 0) disconnectChecks.push(gte(sub(owner, pair), literal(ownerMin)));
  if (far && far.min > 0) disconnectChecks.push(gte(sub(target, pair), literal(far.min)));
  const existing: ProjectionInput = {
    expr: patternComprehension(pattern(node(a), [fieldStep(definition, e), node(b)]), { map: e }),
    alias: 'existing',
  };
  const created = [
    create(pattern(node(a), [fieldStep(definition, r, true), node(b)])),
    set([setReplace(r, param(undefined, 'props'))]),
    returnClause([{ expr: fn('collect', [r]), alias: 'created' }]),
  ];
  const deleted = [
    match(pattern(node(a), [fieldStep(definition, r), node(b)])),
    deleteClause([r]),
    returnClause([{ expr: fn('count', [r]), alias: 'deleted' }]),
  ];
  return {
    counts,
    connect: (head, guard) =>
      countThenWrite(head, connectCounts, [...(guard?.checks ?? []), ...connectChecks], created, {
        before: existing,
        after: variable('created'),
        carried: guard?.carried,
      }),
    // A refused disconnect names the end from both counts (see disconnectResult), so both are read.
    disconnect: (head) =>
      countThenWrite(head, counts, disconnectChecks, deleted, { after: variable('deleted') }),
  };
}
