import {
  and,
  call,
  countStar,
  countSubquery,
  create,
  deleteClause,
  eq,
  fn,
  literal,
  match,
  merge,
  node,
  or,
  pattern,
  query,
  type RelationshipPattern,
  render,
  returnClause,
  set,
  setReplace,
  union,
  variable,
  withClause,
} from '@cartograph/cypher';
import type { KeyedConditions } from '../query/plugins/keyed-conditions';
import { column, unwindIndexed, unwindIndexes, unwoundIndex } from '../query/unwind-indexed';
import type { RelationshipDefinition } from '../registry/definitions';
import type { KeyProperty } from './bulk-keys';
import { keyEquals, matchByKey } from './keyed-match';
import { fieldStep, type ReverseSide, writeLock } from './pair-writes';

/** The Cypher of one bulk relationship write, rendered once per field, key properties and checks. */
export interface BulkQueries {
  /**
   * Finds the nodes of `$from` and `$to` keys, write-locks them in element-id order, reads each
   * one's key again under the lock (a node whose key changed meanwhile drops out) and returns
   * `side` (0 from, 1 to), `i` (position in its key list), `id`, and the counts the checks need.
   * Only nodes the plugins' conditions let through are found (their parameters go with `$from`, `$to`).
   */
  readonly lockEnds: string;
  /**
   * `lockEnds` without the locks and counts: finds the nodes of `$from` and `$to` keys (same
   * conditions) and returns `side`, `i` and `id`. For writes that need no count (see `mergeMissing`).
   */
  readonly findEnds: string;
  /**
   * Per pair `i` of the element-id lists `$a` and `$b`: `i` and `pair`, how many relationships join
   * its nodes. Every statement on element ids below reads the same parallel lists (see `column`).
   */
  readonly pairCounts: string;
  /** Creates one relationship per pair (`$props[i]` its properties); returns `created`. */
  readonly create: string;
  /**
   * `MERGE`s one relationship per pair (`$props[i]` set on creation); returns `reached`, the
   * pairs whose two nodes still exist (the caller reads `created` from the summary). MERGE between
   * bound nodes locks both before it creates and matches again, so concurrent writers of the same
   * pair create it once without the locks of `lockEnds`.
   */
  readonly mergeMissing: string;
  /**
   * `mergeMissing` finding the ends by key in the same statement, from parallel lists: pair `i` is
   * `$from[i]`, `$to[i]` (key values) and `$props[i]` (the plugins' conditions apply, their
   * parameters alongside). Returns `reached`, the rows that reached MERGE: `size($from)` when every
   * key matched one node.
   */
  readonly mergeByKey: string;
  /** Deletes every relationship of the field between each pair's nodes; returns `deleted`. */
  readonly delete: string;
}

/** Which counts `lockEnds` returns: only those a declared cardinality makes necessary. */
export interface CountsNeeded {
  readonly owner: boolean;
  readonly target: boolean;
}

const n = variable('n');
const k = variable('k');
const i = unwoundIndex;
const side = variable('side');
const a = variable('a');
const b = variable('b');
const r = variable('r');

function step(
  definition: RelationshipDefinition,
  withVariable: boolean,
  create = false,
): RelationshipPattern {
  return fieldStep(definition, withVariable ? r : undefined, create);
}

/**
 * `UNWIND range(0, size($list) - 1) AS i WITH i, $list[i] AS k MATCH (n:Label) WHERE n.key = k`,
 * and the plugins' conditions on `n` (not soft-deleted, the tenant's) at `position` of `conditions`.
 */
function keyed(list: string, key: KeyProperty, position: number, conditions: KeyedConditions) {
  return query(
    ...unwindIndexed(list, 'k'),
    matchByKey(n, key, k, position, conditions),
    returnClause([n, i, k, { expr: literal(position), alias: 'side' }]),
  );
}

function byId(v: typeof a, list: string) {
  return match(node(v), { where: eq(fn('elementId', [v]), column(list)) });
}

export function buildBulkQueries(
  definition: RelationshipDefinition,
  from: KeyProperty,
  to: KeyProperty,
  targetLabel: string,
  reverse: ReverseSide | undefined,
  counts: CountsNeeded,
  conditions: KeyedConditions,
): BulkQueries {
  const ownerCount = countSubquery(
    query(match(pattern(node(n), [step(definition, false), node(undefined, [targetLabel])]))),
  );
  const targetCount = reverse
    ? countSubquery(
        query(
          match(pattern(node(n), [step(reverse.definition, false), node(undefined, [reverse.targetLabel])])),
        ),
      )
    : literal(0);
  const stillKeyed = or(
    and(eq(side, literal(0)), keyEquals(n, from, k)),
    and(eq(side, literal(1)), keyEquals(n, to, k)),
  );
  const lockEnds = render(
    query(
      call(union([keyed('from', from, 0, conditions), keyed('to', to, 1, conditions)], { all: true })),
      // The sort is complete before the first SET, so locks are taken in element-id order: two
      // writers on the same nodes queue instead of deadlocking.
      withClause([n, i, k, side], { orderBy: [{ expr: fn('elementId', [n]) }] }),
      ...writeLock(n),
      withClause([n, i, k, side], { where: stillKeyed }),
      returnClause([
        side,
        i,
        { expr: fn('elementId', [n]), alias: 'id' },
        ...(counts.owner ? [{ expr: ownerCount, alias: 'owner' }] : []),
        ...(counts.target ? [{ expr: targetCount, alias: 'target' }] : []),
      ]),
    ),
  ).cypher;
  const findEnds = render(
    query(
      call(union([keyed('from', from, 0, conditions), keyed('to', to, 1, conditions)], { all: true })),
      returnClause([side, i, { expr: fn('elementId', [n]), alias: 'id' }]),
    ),
  ).cypher;
  const pairs = [unwindIndexes('a'), byId(a, 'a'), byId(b, 'b')];
  const joined = pattern(node(a), [step(definition, false), node(b)]);
  const pairCounts = render(
    query(...pairs, returnClause([i, { expr: countSubquery(query(match(joined))), alias: 'pair' }])),
  ).cypher;
  const created = pattern(node(a), [step(definition, true, true), node(b)]);
  const withProps = definition.model ? set([setReplace(r, column('props'))]) : undefined;
  const countCreated = returnClause([{ expr: fn('count', [r]), alias: 'created' }]);
  const createText = render(query(...pairs, create(created), withProps, countCreated)).cypher;
  // Undirected, MERGE matches either direction and creates left to right, as `create` does.
  const merged = pattern(node(a), [step(definition, true), node(b)]);
  const mergeMissing = render(
    query(
      ...pairs,
      merge(merged, { onCreate: definition.model ? [setReplace(r, column('props'))] : [] }),
      returnClause([{ expr: countStar(), alias: 'reached' }]),
    ),
  ).cypher;
  const mergeByKey = render(
    query(
      unwindIndexes('from'),
      matchByKey(a, from, column('from'), 0, conditions),
      matchByKey(b, to, column('to'), 1, conditions),
      merge(merged, { onCreate: definition.model ? [setReplace(r, column('props'))] : [] }),
      returnClause([{ expr: countStar(), alias: 'reached' }]),
    ),
  ).cypher;
  const deleteText = render(
    query(
      ...pairs,
      match(pattern(node(a), [step(definition, true), node(b)])),
      deleteClause([r]),
      returnClause([{ expr: fn('count', [r]), alias: 'deleted' }]),
    ),
  ).cypher;
  return {
    lockEnds,
    findEnds,
    pairCounts,
    create: createText,
    mergeMissing,
    mergeByKey,
    delete: deleteText,
  };
}
