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
import { ParamSlots, shapeOf } from './shape';
import { sortExpression } from './sort-keys';
import { lastStage, type NodeSetState } from './state';

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

const CACHE_LIMIT = 2_000;
const textCache = new Map<string, string>();

/**
 * Compiles through the text cache: the state's shape (everything but its values) is the key, so a
 * query run again with other values skips building and rendering the AST. Measured on a 3-filter,
 * 1-hop chain: about 2x more queries built per second (see bench/query.bench.ts).
 */
function cached(state: NodeSetState, kind: string, build: (slots: ParamSlots) => Clause[]): CompiledQuery {
  const slots = new ParamSlots();
  const key = kind + shapeOf(state, slots);
  let cypher = textCache.get(key);
  if (cypher === undefined) {
    cypher = render(query(...build(slots))).cypher;
    if (textCache.size >= CACHE_LIMIT) textCache.delete(textCache.keys().next().value as string);
    textCache.set(key, cypher);
  }
  return { cypher, params: slots.params() };
}

/** Forgets cached query texts (tests and benchmarks measuring the uncached path). */
export function clearCompiledCache(): void {
  textCache.clear();
}

function body(
  state: NodeSetState,
  slots: ParamSlots,
  late?: BodyOptions['late'],
  bindRelationship = false,
): Body {
  return compileBody(state, slots, { early: state.fetch?.required, late, bindRelationship });
}

/** The relationships of the final hop (`RETURN r`), with the set's filters, order and paging. */
export function compileRelationships(state: NodeSetState): CompiledQuery {
  return cached(state, 'R', (slots) => {
    const compiled = body(state, slots, undefined, true);
    const relationship = compiled.relationship;
    if (relationship === undefined) throw new Error('Internal error: no relationship to return');
    const inWith = pagedWith(compiled);
    const returnOptions = inWith || !hasModifiers(compiled.stage) ? {} : modifiers(compiled);
    compiled.clauses.push(returnClause([relationship], returnOptions));
    return compiled.clauses;
  });
}

/**
 * `RETURN n, annotations..., eager relations...`. Paging before eager loading happens in a WITH,
 * so the COLLECT subqueries only run for the rows that are returned.
 */
export function compileNodes(state: NodeSetState, options: NodeQueryOptions = {}): NodeQuery {
  const stage = lastStage(state);
  const layout: NodeLayout = {
    annotations: stage.annotations,
    fetch: state.fetch?.roots ?? [],
    sortColumns: options.sortColumns ? stage.order.length : 0,
  };
  if (options.late === undefined && !options.sortColumns) {
    return { compiled: cached(state, 'N', (slots) => nodeClauses(state, slots, options)), layout };
  }
  const slots = new ParamSlots();
  const compiled = render(query(...nodeClauses(state, slots, options)));
  return { compiled, layout };
}

function nodeClauses(state: NodeSetState, slots: ParamSlots, options: NodeQueryOptions): Clause[] {
  const compiled = body(state, slots, options.late);
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
  return clauses;
}

/** `RETURN count(n)` over the set (after its paging, when it pages). */
export function compileCount(state: NodeSetState): CompiledQuery {
  return cached(state, 'C', (slots) =>
    aggregateTail(body(state, slots), (b) => [{ expr: fn('count', [b.node]), alias: 'count' }]),
  );
}

/** `RETURN elementId(n) LIMIT 1`: whether the set has any node. */
export function compileExists(state: NodeSetState): CompiledQuery {
  return cached(state, 'E', (slots) => {
    const compiled = body(state, slots);
    pagedWith(compiled);
    compiled.clauses.push(
      returnClause([{ expr: fn('elementId', [compiled.node]), alias: 'id' }], { limit: literal(1) }),
    );
    return compiled.clauses;
  });
}

/** Property (and annotation) columns instead of nodes. */
export function compileValues(state: NodeSetState, fields: readonly ResolvedField[]): CompiledQuery {
  return cached(state, `V${fieldsShape(fields)}`, (slots) => {
    const compiled = body(state, slots);
    const inWith = pagedWith(compiled);
    const returnOptions = inWith || !hasModifiers(compiled.stage) ? {} : modifiers(compiled);
    const scope = annotationScope(compiled.annotations);
    const columns = fields.map((field, i) => ({ expr: fieldExpr(compiled, field, scope), alias: `c${i}` }));
    compiled.clauses.push(returnClause(columns, returnOptions));
    return compiled.clauses;
  });
}

/** Grouping keys plus aggregates over the set. */
export function compileAggregate(
  state: NodeSetState,
  keys: readonly ResolvedField[],
  aggregates: readonly SetAggregatePlan[],
): CompiledQuery {
  const shape = aggregates.map(
    (plan) => `${plan.kind}${plan.distinct ? 'D' : ''}${plan.field ? fieldsShape([plan.field]) : ''}`,
  );
  return cached(state, `A${fieldsShape(keys)}|${shape.join(',')}`, (slots) =>
    aggregateTail(body(state, slots), (b) => {
      const scope = annotationScope(b.annotations);
      return [
        ...keys.map((field, i) => ({ expr: fieldExpr(b, field, scope), alias: `k${i}` })),
        ...aggregates.map((plan, i) => ({ expr: compileSetAggregate(plan, b.node, scope), alias: `g${i}` })),
      ];
    }),
  );
}

/** Element ids of the set's nodes, for bulk operations. */
export function compileIds(state: NodeSetState): CompiledQuery {
  return compileValues(state, [
    { ref: { model: '', name: 'elementId', type: ID_PASSTHROUGH }, on: 'id', key: '' },
  ]);
}

function fieldsShape(fields: readonly ResolvedField[]): string {
  return fields.map((field) => `${field.on}${field.key.length}:${field.key}`).join('');
}

const ID_PASSTHROUGH = {
  name: 'id',
  cypherType: 'STRING',
  tsType: 'string',
  validate: () => [],
  deflate: (v: unknown) => v,
  inflate: (v: unknown) => v,
};

function aggregateTail(compiled: Body, columns: (b: Body) => ProjectionInput[]): Clause[] {
  pagedWith(compiled);
  compiled.clauses.push(returnClause(columns(compiled)));
  return compiled.clauses;
}

/** Applies DISTINCT / ORDER BY / SKIP / LIMIT in a WITH; returns whether it did. */
function pagedWith(compiled: Body): boolean {
  const { stage } = compiled;
  if (!stage.distinct && stage.skip === undefined && stage.limit === undefined) return false;
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
