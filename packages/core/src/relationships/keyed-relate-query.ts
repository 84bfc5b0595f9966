import {
  and,
  caseWhen,
  type Expr,
  eq,
  fn,
  index,
  literal,
  lte,
  match,
  node,
  param,
  prop,
  type Query,
  type Variable,
  variable,
  withClause,
} from '@cartograph/cypher';
import type { KeyedConditions } from '../query/plugins/keyed-conditions';
import type { KeyProperty } from './bulk-keys';
import { lockBoth, type PairWrites } from './pair-writes';

const a = variable('a');
const b = variable('b');
const froms = variable('froms');
const tos = variable('tos');
const [first, second] = [variable('first'), variable('second')];
const [fromFound, toFound] = [variable('fromFound'), variable('toFound')];

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
  const keyed = (v: Variable, key: KeyProperty, name: string) =>
    eq(prop(v, key.property.dbName), param(undefined, name));
  const find = (v: Variable, key: KeyProperty, name: string, position: number) => {
    const condition = conditions.where(position, v);
    const where = keyed(v, key, name);
    return match(node(v, [key.definition.primaryLabel]), {
      optional: true,
      where: condition === undefined ? where : and(where, condition),
    });
  };
  const lowerFirst = lte(fn('elementId', [a]), fn('elementId', [b]));
  // Under its lock the node is read again: one whose key changed meanwhile is not the node named.
  const stillKeyed = (v: Variable, key: KeyProperty, name: string, found: Variable): Expr =>
    caseWhen([[keyed(v, key, name), found]], literal(0));
  const head = [
    find(a, from, 'from', 0),
    withClause([{ expr: fn('collect', [a]), alias: 'froms' }]),
    find(b, to, 'to', 1),
    withClause([froms, { expr: fn('collect', [b]), alias: 'tos' }]),
    withClause([
      { expr: index(froms, 0), alias: 'a' },
      { expr: index(tos, 0), alias: 'b' },
      { expr: fn('size', [froms]), alias: 'fromFound' },
      { expr: fn('size', [tos]), alias: 'toFound' },
    ]),
    withClause([
      a,
      b,
      fromFound,
      toFound,
      { expr: caseWhen([[lowerFirst, a]], b), alias: 'first' },
      { expr: caseWhen([[lowerFirst, b]], a), alias: 'second' },
    ]),
    ...lockBoth(first, second),
  ];
  return writes.connect(head, {
    carried: [
      { expr: stillKeyed(a, from, 'from', fromFound), alias: 'fromFound' },
      { expr: stillKeyed(b, to, 'to', toFound), alias: 'toFound' },
    ],
    checks: [eq(fromFound, literal(1)), eq(toFound, literal(1))],
  });
}
