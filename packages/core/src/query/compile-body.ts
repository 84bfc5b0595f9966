import {
  and,
  type Clause,
  type Expr,
  match,
  type NodePattern,
  node,
  type PatternStep,
  type ProjectionInput,
  pattern,
  rel,
  type Variable,
  variable,
  withClause,
} from '@cartograph/cypher';
import { type AnnotationPlan, compileAnnotation } from './annotation-plan';
import { Names } from './names';
import type { ParamSlots } from './param-slots';
import { type Predicate, usesAnnotations } from './plan';
import { compilePredicate, flattenAnd, mentionsRel } from './predicates';
import { compileSource } from './search/compile-search';
import { sortExpression } from './sort-keys';
import { type NodeSetState, needsBarrier, type Stage } from './state';

/** An annotation as the compiler tracks it: computed by `expr`, or already bound to `alias`. */
export interface AnnotationSlot {
  readonly plan: AnnotationPlan;
  readonly alias: string;
  expr: Expr;
  projected: boolean;
}

/** The query up to the final stage's node, ready for a projection. */
export interface Body {
  readonly clauses: Clause[];
  readonly node: Variable;
  readonly stage: Stage;
  readonly annotations: AnnotationSlot[];
  readonly names: Names;
  readonly slots: ParamSlots;
  /** The relationship leading to the final stage, when it was bound (see `BodyOptions.bindRelationship`). */
  readonly relationship: Variable | undefined;
}

/** Extra predicates on the final stage: required fetch paths (early) and cursor conditions (late). */
export interface BodyOptions {
  readonly early?: readonly Predicate[];
  /** Built once annotations and the node are in scope (e.g. a pagination cursor). */
  readonly late?: (body: Body) => Expr | undefined;
  /** Bind the final stage's relationship to a variable (to return it) and carry it through WITHs. */
  readonly bindRelationship?: boolean;
}

/**
 * Compiles the stages: consecutive stages share one MATCH pattern (so relationship uniqueness
 * holds along the whole traversal); a stage that orders, pages, deduplicates or annotates before
 * the traversal continues is closed with a WITH. Text grows linearly with the number of stages.
 */
export function compileBody(state: NodeSetState, slots: ParamSlots, options: BodyOptions = {}): Body {
  const names = new Names();
  const clauses: Clause[] = [];
  let start: NodePattern | undefined;
  let steps: PatternStep[] = [];
  let where: Expr[] = [];
  let previous: Variable | undefined;
  /** The score a search binds (first stage only). */
  let score: Variable | undefined;
  const { stages } = state;
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i] as Stage;
    const isLast = i === stages.length - 1;
    const current = variable(names.next('n'));
    const bind = isLast && options.bindRelationship === true;
    const relationship =
      stage.via && (bind || stage.where.some(mentionsRel)) ? variable(names.next('r')) : undefined;
    if (stage.source !== undefined) {
      score = variable(names.next('a'));
      clauses.push(...compileSource(stage.source, current, score, names, slots));
    }
    if (stage.via === undefined) {
      // After a search the label still applies: an index on a parent's label also finds other subclasses.
      start = node(current, stage.definition.labels);
    } else {
      start ??= node(previous as Variable);
      const via = stage.via;
      steps.push([
        rel({ variable: relationship, types: [via.type], direction: via.direction, length: stage.length }),
        node(current, stage.definition.labels),
      ]);
    }
    const scope = { node: current, rel: relationship, names, slots };
    const late: Predicate[] = [];
    const predicates = conjuncts(stage.where);
    if (isLast && options.early) conjuncts(options.early, predicates);
    for (const predicate of predicates) {
      if (usesAnnotations(predicate)) late.push(predicate);
      else where.push(compilePredicate(predicate, scope));
    }
    previous = current;
    if (!isLast && !needsBarrier(stage)) continue;
    const annotations: AnnotationSlot[] = [];
    const body: Body = {
      clauses,
      node: current,
      stage,
      annotations,
      names,
      slots,
      relationship: bind ? relationship : undefined,
    };
    // Without annotations a late condition (a cursor) can join the MATCH's WHERE, where indexes apply.
    const early = isLast && stage.annotations.length === 0 ? options.late?.(body) : undefined;
    if (early) where.push(early);
    clauses.push(match(pattern(start as NodePattern, ...steps), { where: conjunction(where) }));
    start = undefined;
    steps = [];
    where = [];
    for (const plan of stage.annotations) {
      if (plan.kind === 'score' && score !== undefined) {
        annotations.push({ plan, alias: score.name, expr: score, projected: true });
        continue;
      }
      const compiled = compileAnnotation(plan, current, names, slots);
      if (compiled.clause) clauses.push(compiled.clause);
      const bound = compiled.bound;
      annotations.push({
        plan,
        alias: bound ?? names.next('a'),
        expr: compiled.expr,
        projected: bound !== undefined,
      });
    }
    if (late.length > 0 || (isLast && stage.annotations.length > 0 && options.late)) {
      const aliases = new Map(annotations.map((slot) => [slot.plan.name, variable(slot.alias) as Expr]));
      const conditions = late.map((predicate) =>
        compilePredicate(predicate, { ...scope, annotations: aliases }),
      );
      const items = carried(body);
      const extra = isLast && stage.annotations.length > 0 ? options.late?.(body) : undefined;
      if (extra) conditions.push(extra);
      clauses.push(withClause(items, { where: conjunction(conditions) }));
    }
    if (isLast) return body;
    clauses.push(withClause(carried(body), modifiers(body)));
  }
  throw new Error('Internal error: a node set has no stages');
}

/** The node plus every annotation, binding each annotation to its alias from here on. */
export function carried(body: Body): ProjectionInput[] {
  const items: ProjectionInput[] = body.relationship ? [body.node, body.relationship] : [body.node];
  for (const slot of body.annotations) {
    items.push(slot.projected ? variable(slot.alias) : { expr: slot.expr, alias: slot.alias });
    slot.expr = variable(slot.alias);
    slot.projected = true;
  }
  return items;
}

/** DISTINCT / ORDER BY / SKIP / LIMIT of the final stage (or a barrier), as projection options. */
export function modifiers(body: Body) {
  const { stage, node: current, names, slots } = body;
  const annotations = new Map(body.annotations.map((slot) => [slot.plan.name, variable(slot.alias) as Expr]));
  return {
    distinct: stage.distinct,
    orderBy: stage.order.map((key) => ({
      expr: sortExpression(key, current, annotations, names, slots),
      direction: key.descending ? ('DESC' as const) : ('ASC' as const),
    })),
    skip: stage.skip === undefined ? undefined : slots.param(stage.skip),
    limit: stage.limit === undefined ? undefined : slots.param(stage.limit),
  };
}

/** Whether the final stage orders, pages or deduplicates. */
export function hasModifiers(stage: Stage): boolean {
  return stage.distinct || stage.order.length > 0 || stage.skip !== undefined || stage.limit !== undefined;
}

/** Annotation name -> the expression that reads it at this point of the query. */
export function annotationScope(slots: readonly AnnotationSlot[]): Map<string, Expr> {
  return new Map(slots.map((slot) => [slot.plan.name, slot.projected ? variable(slot.alias) : slot.expr]));
}

/** Top-level AND parts, so that only the parts naming annotations wait until they are computed. */
function conjuncts(predicates: readonly Predicate[], into: Predicate[] = []): Predicate[] {
  for (const predicate of predicates) {
    if (predicate.k === 'and') conjuncts(predicate.items, into);
    else into.push(predicate);
  }
  return into;
}

function conjunction(items: readonly Expr[]): Expr | undefined {
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : and(...flattenAnd(items));
}
