import {
  type Clause,
  fn,
  index,
  literal,
  param,
  sub,
  unwind,
  variable,
  withClause,
} from '@cartograph/cypher';

const i = variable('i');

/**
 * `UNWIND range(0, size($list) - 1) AS i WITH i, $list[i] AS alias`: `UNWIND` over the indexes of
 * list parameter `list` (not its items), binding `i` and the item as `alias`, so each result row
 * says which input it belongs to without sending indexes as data. Shared by the batch writes of
 * models (`mergeMany`, `importMany`) and of relationships (`relateMany`).
 */
export function unwindIndexed(list: string, alias: string): Clause[] {
  const values = param(undefined, list);
  return [
    unwind(fn('range', [literal(0), sub(fn('size', [values]), literal(1))]), i),
    withClause([i, { expr: index(values, i), alias }]),
  ];
}
