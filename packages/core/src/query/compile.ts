import {
  type Clause,
  fn,
  literal,
  type ProjectionInput,
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
import { ParamSlots } from './param-slots';
import { applyPlugins } from './plugins/transform';
import { sortExpression } from './sort-keys';
import { lastStage, type NodeSetState } from './state';
import { cached } from './text-cache';

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

/** The query up to the final stage, with the set's required eager-loading paths. */
export function body(
  state: NodeSetState,
  slots: ParamSlots,
  late?: BodyOptions['late'],
  bindRelationship = false,
): Body {
  return compileBody(state, slots, { early: state.fetch?.required, late, bindRelationship });
}

/**
 * `RETURN n, annotations..., eager relations...`. Paging before eager loading happens in a WITH,
 * so the COLLECT subqueries only run for the rows that are returned.
 */
export function compileNodes(plan: NodeSetState, options: NodeQueryOptions = {}): NodeQuery {
  const state = applyPlugins(plan);
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
  // The renderer's parameters, not the slots': a cursor's values are parameters without a Bound.
  const { cypher, params } = render(query(...nodeClauses(state, slots, options)));
  const sensitive = slots.sensitiveNames();
  const model = stage.definition.name;
  return {
    compiled: sensitive === undefined ? { cypher, params, model } : { cypher, params, sensitive, model },
    layout,
  };
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
    columns.push({ expr: compileFetch(root, current, names, compiled.slots), alias: names.next('f') });
  if (options.sortColumns) {
    const annotations = annotationScope(compiled.annotations);
    for (const key of stage.order) {
      columns.push({
        expr: sortExpression(key, current, annotations, names, compiled.slots),
        alias: names.next('o'),
      });
    }
  }
  clauses.push(returnClause(columns, returnOptions));
  return clauses;
}

/** `RETURN count(n)` over the set (after its paging, when it pages). */
export function compileCount(plan: NodeSetState): CompiledQuery {
  const state = applyPlugins(plan);
  return cached(state, 'C', (slots) =>
    aggregateTail(body(state, slots), (b) => [{ expr: fn('count', [b.node]), alias: 'count' }]),
  );
}

/** `RETURN elementId(n) LIMIT 1`: whether the set has any node. */
export function compileExists(plan: NodeSetState): CompiledQuery {
  const state = applyPlugins(plan);
  return cached(state, 'E', (slots) => {
    const compiled = body(state, slots);
    pagedWith(compiled);
    compiled.clauses.push(
      returnClause([{ expr: fn('elementId', [compiled.node]), alias: 'id' }], { limit: literal(1) }),
    );
    return compiled.clauses;
  });
}

/** Ends with `RETURN columns`, paging in a WITH first when the set pages. */
export function aggregateTail(compiled: Body, columns: (b: Body) => ProjectionInput[]): Clause[] {
  pagedWith(compiled);
  compiled.clauses.push(returnClause(columns(compiled)));
  return compiled.clauses;
}

/** Applies DISTINCT / ORDER BY / SKIP / LIMIT in a WITH; returns whether it did. */
export function pagedWith(compiled: Body): boolean {
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
