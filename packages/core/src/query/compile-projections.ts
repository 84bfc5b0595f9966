import { type Expr, fn, prop, returnClause } from '@cartograph/cypher';
import type { CompiledQuery } from '../graph/graph';
import { aggregateTail, body, pagedWith } from './compile';
import { annotationScope, type Body, hasModifiers, modifiers } from './compile-body';
import { applyPlugins } from './plugins/transform';
import type { ResolvedField } from './scopes';
import { compileSetAggregate, type SetAggregatePlan } from './set-aggregates';
import type { NodeSetState } from './state';
import { cached } from './text-cache';

/** The relationships of the final hop (`RETURN r`), with the set's filters, order and paging. */
export function compileRelationships(plan: NodeSetState): CompiledQuery {
  const state = applyPlugins(plan);
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

/** Property (and annotation) columns instead of nodes. */
export function compileValues(plan: NodeSetState, fields: readonly ResolvedField[]): CompiledQuery {
  const state = applyPlugins(plan);
  return cached(
    state,
    'V',
    (slots) => {
      const compiled = body(state, slots);
      const inWith = pagedWith(compiled);
      const returnOptions = inWith || !hasModifiers(compiled.stage) ? {} : modifiers(compiled);
      const scope = annotationScope(compiled.annotations);
      const columns = fields.map((field, i) => ({ expr: fieldExpr(compiled, field, scope), alias: `c${i}` }));
      compiled.clauses.push(returnClause(columns, returnOptions));
      return compiled.clauses;
    },
    fields,
  );
}

/** Grouping keys plus aggregates over the set. */
export function compileAggregate(
  plan: NodeSetState,
  keys: readonly ResolvedField[],
  aggregates: readonly SetAggregatePlan[],
): CompiledQuery {
  const state = applyPlugins(plan);
  return cached(
    state,
    'A',
    (slots) =>
      aggregateTail(body(state, slots), (b) => {
        const scope = annotationScope(b.annotations);
        return [
          ...keys.map((field, i) => ({ expr: fieldExpr(b, field, scope), alias: `k${i}` })),
          ...aggregates.map((plan, i) => ({
            expr: compileSetAggregate(plan, b.node, scope),
            alias: `g${i}`,
          })),
        ];
      }),
    [keys, aggregates],
  );
}

/** Element ids of the set's nodes, for bulk operations. */
export function compileIds(plan: NodeSetState): CompiledQuery {
  const state = applyPlugins(plan);
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
