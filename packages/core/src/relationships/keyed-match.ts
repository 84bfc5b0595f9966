import { and, type Expr, eq, type Match, match, node, prop, type Variable } from '@cartograph/cypher';
import type { KeyedConditions } from '../query/plugins/keyed-conditions';
import type { KeyProperty } from './bulk-keys';

/** `v.key = value`: `v` carries `value` in its key property. */
export function keyEquals(v: Variable, key: KeyProperty, value: Expr): Expr {
  return eq(prop(v, key.property.dbName), value);
}

/**
 * `MATCH (v:Label) WHERE v.key = value`, and the plugins' conditions on `v` at `position` of
 * `conditions` (0 the owner, 1 the other end), so a write by key finds only the nodes a query
 * would see (not soft-deleted, the current tenant's). The one lookup of `relate`, `relateMany` and
 * `unrelateMany`; `optional` makes it an OPTIONAL MATCH, for a statement that reports a key that
 * matched nothing instead of ending without a row.
 */
export function matchByKey(
  v: Variable,
  key: KeyProperty,
  value: Expr,
  position: number,
  conditions: KeyedConditions,
  optional = false,
): Match {
  const where = keyEquals(v, key, value);
  const condition = conditions.where(position, v);
  return match(node(v, [key.definition.primaryLabel]), {
    optional,
    where: condition === undefined ? where : and(where, condition),
  });
}
