import {
  type Clause,
  type Expr,
  fn,
  literal,
  type ProjectionInput,
  prop,
  query,
  render,
  returnClause,
  variable,
  withClause,
} from '@cartograph/cypher';
import type { CompiledQuery } from '../graph/graph';
import type { AnnotationPlan } from './annotation-plan';
import {
  annotationScope,
  type Body,
  type BodyOptions,
  carried,
  compileBody,
  hasModifiers,
  modifiers,
} from './compile-body';
import { compileFetch, type FetchNode } from './fetch-plan';
import type { ResolvedField } from './scopes';
import { compileSetAggregate, type SetAggregatePlan } from './set-aggregates';
import { sortExpression } from './sort-keys';
import type { NodeSetState } from './state';

/** Column layout of a node query, for the record mapper. */
export interface NodeLayout {
  readonly annotations: readonly AnnotationPlan[];
  readonly fetch: readonly FetchNode[];
  /** Number of order-key columns appended (for cursors). */
  readonly sortColumns: number;
}

/** A node query and how to read its records. */
export interface NodeQuery {
  readonly compiled: CompiledQuery;
  readonly layout: NodeLayout;
}

/** Options of {@link compileNodes}. */
export interface NodeQueryOptions {
  readonly late?: BodyOptions['late'];
  /** Append the order keys as columns (cursor pagination). */
  readonly sortColumns?: boolean;
}

function body(state: NodeSetState, late?: BodyOptions['late']): Body {
  return compileBody(state, { early: state.fetch?.required, late });
}

/**
 * `RETURN n, annotations..., eager relations...`. Paging before eager loading happens in a WITH,
 * so the COLLECT subqueries only run for the rows that are returned.
 */
export function compileNodes(state: NodeSetState, options: NodeQueryOptions = {}): NodeQuery {
  const compiled = body(state, options.late);
  const { stage, node: current, names, clauses } = compiled;
  const fetch = state.fetch?.roots ?? [];
  const paged = hasModifiers(stage);
  // Paging first means the eager-loading and annotation subqueries only run for the returned rows.
  const pagesRows = stage.skip !== undefined || stage.limit !== undefined;
  const inWith = stage.distinct || (pagesRows && (fetch.length > 0 || compiled.annotations.length > 0));
  let returnOptions = {};
  if (inWith) clauses.push(withClause(carried(compiled), modifiers(compiled)));
  else if (paged) returnOptions = modifiers(compiled);
  const columns: ProjectionInput[] = [current, ...annotationColumns(compiled)];
  for (const root of fetch)
    columns.push({ expr: compileFetch(root, current, names), alias: names.next('f') });
  if (options.sortColumns) {
    const annotations = annotationScope(compiled.annotations);
    for (const key of stage.order) {
      columns.push({ expr: sortExpression(key, current, annotations, names), alias: names.next('o') });
    }
  }
  clauses.push(returnClause(columns, returnOptions));
  return {
    compiled: finish(clauses),
    layout: {
      annotations: compiled.annotations.map((slot) => slot.plan),
      fetch,
      sortColumns: options.sortColumns ? stage.order.length : 0,
    },
  };
}

/** `RETURN count(n)` over the set (after its paging, when it pages). */
export function compileCount(state: NodeSetState): CompiledQuery {
  return aggregateTail(body(state), (b) => [{ expr: fn('count', [b.node]), alias: 'count' }]);
}

/** `RETURN elementId(n) LIMIT 1`: whether the set has any node. */
export function compileExists(state: NodeSetState): CompiledQuery {
  const compiled = body(state);
  pagedWith(compiled);
  compiled.clauses.push(
    returnClause([{ expr: fn('elementId', [compiled.node]), alias: 'id' }], { limit: literal(1) }),
  );
  return finish(compiled.clauses);
}

/** Property (and annotation) columns instead of nodes. */
export function compileValues(state: NodeSetState, fields: readonly ResolvedField[]): CompiledQuery {
  const compiled = body(state);
  const inWith = pagedWith(compiled);
  const returnOptions = inWith || !hasModifiers(compiled.stage) ? {} : modifiers(compiled);
  const scope = annotationScope(compiled.annotations);
  const columns = fields.map((field, i) => ({ expr: fieldExpr(compiled, field, scope), alias: `c${i}` }));
  compiled.clauses.push(returnClause(columns, returnOptions));
  return finish(compiled.clauses);
}

/** Grouping keys plus aggregates over the set. */
export function compileAggregate(
  state: NodeSetState,
  keys: readonly ResolvedField[],
  aggregates: readonly SetAggregatePlan[],
): CompiledQuery {
  return aggregateTail(body(state), (b) => {
    const scope = annotationScope(b.annotations);
    return [
      ...keys.map((field, i) => ({ expr: fieldExpr(b, field, scope), alias: `k${i}` })),
      ...aggregates.map((plan, i) => ({ expr: compileSetAggregate(plan, b.node, scope), alias: `g${i}` })),
    ];
  });
}

/** Element ids of the set's nodes, for bulk operations. */
export function compileIds(state: NodeSetState): CompiledQuery {
  return compileValues(state, [
    { ref: { model: '', name: 'elementId', type: ID_PASSTHROUGH }, on: 'id', key: '' },
  ]);
}

const ID_PASSTHROUGH = {
  name: 'id',
  cypherType: 'STRING',
  tsType: 'string',
  validate: () => [],
  deflate: (v: unknown) => v,
  inflate: (v: unknown) => v,
};

function aggregateTail(compiled: Body, columns: (b: Body) => ProjectionInput[]): CompiledQuery {
  pagedWith(compiled);
  compiled.clauses.push(returnClause(columns(compiled)));
  return finish(compiled.clauses);
}

/** Applies DISTINCT / ORDER BY / SKIP / LIMIT in a WITH; returns whether it did. */
function pagedWith(compiled: Body): boolean {
  const { stage } = compiled;
  if (!stage.distinct && !(hasModifiers(stage) && (stage.skip !== undefined || stage.limit !== undefined)))
    return false;
  compiled.clauses.push(withClause(carried(compiled), modifiers(compiled)));
  return true;
}

function annotationColumns(compiled: Body): ProjectionInput[] {
  return compiled.annotations.map((slot) =>
    slot.projected ? variable(slot.alias) : { expr: slot.expr, alias: slot.alias },
  );
}

function fieldExpr(compiled: Body, field: ResolvedField, annotations: ReadonlyMap<string, Expr>): Expr {
  switch (field.on) {
    case 'id':
      return fn('elementId', [compiled.node]);
    case 'ann':
      return annotations.get(field.key) as Expr;
    default:
      return prop(compiled.node, field.key);
  }
}

function finish(clauses: Clause[]): CompiledQuery {
  return render(query(...clauses));
}
