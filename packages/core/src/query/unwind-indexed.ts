import {
  type Clause,
  type Expr,
  fn,
  index,
  literal,
  param,
  sub,
  unwind,
  variable,
  withClause,
} from '@cartograph/cypher';

/**
 * `i`, the index {@link unwindIndexes} binds: a statement that returns which input a row belongs to
 * returns this variable, so its name is written in one place.
 */
export const unwoundIndex = variable('i');
const i = unwoundIndex;

/**
 * `UNWIND range(0, size($list) - 1) AS i WITH i, $list[i] AS alias`: `UNWIND` over the indexes of
 * list parameter `list` (not its items), binding `i` and the item as `alias`, so each result row
 * says which input it belongs to without sending indexes as data. Shared by the batch writes of
 * models (`mergeMany`, `importMany`) and of relationships (`relateMany`).
 */
export function unwindIndexed(list: string, alias: string): Clause[] {
  return [unwindIndexes(list), withClause([i, { expr: column(list), alias }])];
}

/**
 * `UNWIND range(0, size($list) - 1) AS i`: one row per index of list parameter `list`, for a
 * statement that reads several parallel lists at `i` (see {@link column}).
 */
export function unwindIndexes(list: string): Clause {
  return unwind(fn('range', [literal(0), sub(fn('size', [param(undefined, list)]), literal(1))]), i);
}

/**
 * `$list[i]`, the row's item of list parameter `list`. Parallel lists (`$from`, `$to`) send each
 * value once, where a list of maps repeats every map key per item: for a pair of string keys, half
 * the values the driver packs and the server unpacks.
 */
export function column(list: string): Expr {
  return index(param(undefined, list), i);
}
