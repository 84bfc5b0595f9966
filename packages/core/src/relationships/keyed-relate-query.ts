import {
  and,
  type Clause,
  call,
  caseWhen,
  type Expr,
  eq,
  fn,
  index,
  literal,
  lte,
  merge,
  node,
  param,
  pattern,
  type Query,
  query,
  returnClause,
  setReplace,
  type Variable,
  variable,
  withClause,
} from '@cartograph/cypher';
import type { KeyedConditions } from '../query/plugins/keyed-conditions';
import type { RelationshipDefinition } from '../registry/definitions';
import type { KeyProperty } from './bulk-keys';
import { keyEquals, matchByKey } from './keyed-match';
import { fieldStep, type PairWrites, writeLock } from './pair-writes';

const a = variable('a');
const b = variable('b');
const froms = variable('froms');
const tos = variable('tos');
const [first, second] = [variable('first'), variable('second')];
const [fromFound, toFound] = [variable('fromFound'), variable('toFound')];
const r = variable('r');

const [fromKey, toKey] = [param(undefined, 'from'), param(undefined, 'to')];

/**
 * Finds each end by its key (`$from`, `$to`) within the plugins' conditions (position 0 the owner,
 * 1 the other end) and binds `a`, `b` (null when not found), `fromFound` and `toFound` (how many
 * nodes each key matched), always as one row.
 */
function findBoth(from: KeyProperty, to: KeyProperty, conditions: KeyedConditions): Clause[] {
  return [
    matchByKey(a, from, fromKey, 0, conditions, true),
    withClause([{ expr: fn('collect', [a]), alias: 'froms' }]),
    matchByKey(b, to, toKey, 1, conditions, true),
    withClause([froms, { expr: fn('collect', [b]), alias: 'tos' }]),
    withClause([
      { expr: index(froms, 0), alias: 'a' },
      { expr: index(tos, 0), alias: 'b' },
      { expr: fn('size', [froms]), alias: 'fromFound' },
      { expr: fn('size', [tos]), alias: 'toFound' },
    ]),
  ];
}

/**
 * `relate` by key as one statement (`$from`, `$to`, `$props`, `$parallel` and the conditions'
 * parameters): finds each end by its key within the plugins' conditions (position 0 the owner, 1
 * the other end), write-locks both in element-id order (computed in the statement, since the ids
 * are not known before it), reads each key again under its lock, then counts and creates as
 * connect does ({@link PairWrites}). Besides connect's columns it returns `fromFound` / `toFound`:
 * how many nodes the key matched (0 when none did, or the node's key changed before its lock was
 * taken; more than 1 when the unique constraint is missing). It creates only when both are 1.
 */
export function keyedRelateQuery(
  writes: PairWrites,
  from: KeyProperty,
  to: KeyProperty,
  conditions: KeyedConditions,
): Query {
  const lowerFirst = lte(fn('elementId', [a]), fn('elementId', [b]));
  // Under its lock the node is read again: one whose key changed meanwhile is not the node named.
  const stillKeyed = (v: Variable, key: KeyProperty, value: Expr, found: Variable): Expr =>
    caseWhen([[keyEquals(v, key, value), found]], literal(0));
  const head = [
    ...findBoth(from, to, conditions),
    withClause([
      a,
      b,
      fromFound,
      toFound,
      { expr: caseWhen([[lowerFirst, a]], b), alias: 'first' },
      { expr: caseWhen([[lowerFirst, b]], a), alias: 'second' },
    ]),
    ...writeLock(first, second),
  ];
  return writes.connect(head, {
    carried: [
      { expr: stillKeyed(a, from, fromKey, fromFound), alias: 'fromFound' },
      { expr: stillKeyed(b, to, toKey, toFound), alias: 'toFound' },
    ],
    checks: [eq(fromFound, literal(1)), eq(toFound, literal(1))],
  });
}

/**
 * `relate` by key on a field that no cardinality bounds and that wants no parallel relationships:
 * finds both ends as `keyedRelateQuery` does and, when each key matched exactly one node, MERGEs
 * the relationship (`$props` set on creation). MERGE between bound nodes locks both before it
 * matches again and creates, so concurrent callers create the pair once, and nothing else needs a
 * lock: no node is written to. Unlike `keyedRelateQuery` the keys are not read again under the
 * locks (as in a hand-written `MATCH ... MERGE`). Returns `fromFound`, `toFound` and `merged` (the
 * created or existing relationship, in a list of at most one).
 */
export function keyedMergeQuery(
  definition: RelationshipDefinition,
  from: KeyProperty,
  to: KeyProperty,
  conditions: KeyedConditions,
): Query {
  return query(
    ...findBoth(from, to, conditions),
    call(
      query(
        withClause([a, b, fromFound, toFound], {
          where: and(eq(fromFound, literal(1)), eq(toFound, literal(1))),
        }),
        merge(pattern(node(a), [fieldStep(definition, r), node(b)]), {
          onCreate: [setReplace(r, param(undefined, 'props'))],
        }),
        returnClause([{ expr: fn('collect', [r]), alias: 'merged' }]),
      ),
      { importVariables: ['a', 'b', 'fromFound', 'toFound'] },
    ),
    returnClause([fromFound, toFound, variable('merged')]),
  );
}
