import type { Limit, OrderBy, ProjectionItem, Return, Skip, SortItem, With } from '../ast/clauses';
import type { Expr } from '../ast/expressions';
import { isExpr } from '../ast/guards';
import { assertAliasedWithItem, assertItems, assertSortDirection } from '../validation/clauses';
import { checkedName } from './common';

/** A projected column: a bare expression, or an expression with an alias. */
export type ProjectionInput = Expr | { readonly expr: Expr; readonly alias?: string };

/** An ORDER BY key. */
export interface SortInput {
  readonly expr: Expr;
  readonly direction?: 'ASC' | 'DESC';
}

/** Options shared by {@link withClause} and {@link returnClause}. */
export interface ProjectionOptions {
  distinct?: boolean;
  orderBy?: readonly SortInput[];
  /** Usually `param(n)`; Neo4j 5 accepts parameters here. */
  skip?: Expr;
  /** Usually `param(n)`; Neo4j 5 accepts parameters here. */
  limit?: Expr;
}

function toItem(input: ProjectionInput): ProjectionItem {
  if (isExpr(input)) return Object.freeze({ kind: 'ProjectionItem', expr: input });
  const alias = input.alias === undefined ? undefined : checkedName(input.alias);
  return Object.freeze({ kind: 'ProjectionItem', expr: input.expr, alias });
}

function toSortItems(inputs: readonly SortInput[]): readonly SortItem[] {
  return Object.freeze(
    inputs.map((input): SortItem => {
      assertSortDirection(input.direction);
      return Object.freeze({ kind: 'SortItem', expr: input.expr, direction: input.direction });
    }),
  );
}

function body(items: readonly ProjectionInput[], options: ProjectionOptions, clause: string) {
  assertItems(items, clause);
  return {
    items: Object.freeze(items.map(toItem)),
    distinct: options.distinct === true,
    orderBy: toSortItems(options.orderBy ?? []),
    skip: options.skip,
    limit: options.limit,
  };
}

/**
 * `WITH [DISTINCT] items [ORDER BY ...] [SKIP ...] [LIMIT ...] [WHERE ...]`.
 * Neo4j requires every item other than a variable or `*` to be aliased.
 * @throws InvalidQueryError with no items or an unaliased expression.
 */
export function withClause(
  items: readonly ProjectionInput[],
  options: ProjectionOptions & { where?: Expr } = {},
): With {
  const projection = body(items, options, 'WITH');
  for (const item of projection.items) assertAliasedWithItem(item);
  return Object.freeze({ kind: 'With', ...projection, where: options.where });
}

/** `RETURN [DISTINCT] items [ORDER BY ...] [SKIP ...] [LIMIT ...]`. @throws InvalidQueryError with no items. */
export function returnClause(items: readonly ProjectionInput[], options: ProjectionOptions = {}): Return {
  return Object.freeze({ kind: 'Return', ...body(items, options, 'RETURN') });
}

/** Standalone `ORDER BY`, to follow a WITH or RETURN. @throws InvalidQueryError with no items. */
export function orderByClause(items: readonly SortInput[]): OrderBy {
  assertItems(items, 'ORDER BY');
  return Object.freeze({ kind: 'OrderBy', items: toSortItems(items) });
}

/** Standalone `SKIP expr`, to follow a WITH, RETURN or ORDER BY. */
export function skipClause(expr: Expr): Skip {
  return Object.freeze({ kind: 'Skip', expr });
}

/** Standalone `LIMIT expr`, to follow a WITH, RETURN, ORDER BY or SKIP. */
export function limitClause(expr: Expr): Limit {
  return Object.freeze({ kind: 'Limit', expr });
}
