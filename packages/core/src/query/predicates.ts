import {
  and,
  contains,
  type Expr,
  endsWith,
  eq,
  exists,
  fn,
  gt,
  gte,
  inList,
  isNotNull,
  isNull,
  listComprehension,
  literal,
  lt,
  lte,
  match,
  neq,
  node,
  not,
  or,
  pattern,
  prop,
  query,
  regexMatch,
  rel,
  startsWith,
  type Variable,
  variable,
} from '@cartograph/cypher';
import type { Names } from './names';
import type { ParamSlots } from './param-slots';
import type { Hop, OperatorPredicate, Predicate } from './plan';

/** The variables a predicate's subjects refer to. */
export interface PredicateScope {
  readonly node: Variable;
  readonly rel: Variable | undefined;
  readonly names: Names;
  readonly slots: ParamSlots;
  /** Annotation alias -> the variable holding its value. */
  readonly annotations?: ReadonlyMap<string, Expr>;
}

/** Turns a normalized predicate into a Cypher expression; every value becomes a parameter. */
export function compilePredicate(predicate: Predicate, scope: PredicateScope): Expr {
  switch (predicate.k) {
    case 'op':
      return compileOperator(subject(predicate, scope), predicate, scope);
    case 'and':
      return and(...flattenAnd(predicate.items.map((item) => compilePredicate(item, scope))));
    case 'or':
      return or(...predicate.items.map((item) => compilePredicate(item, scope)));
    case 'not': {
      const inner = compilePredicate(predicate.item, scope);
      // coalesce turns "unknown" into false, so NOT keeps nodes where the inner test met a null.
      return not(nullable(predicate.item) ? fn('coalesce', [inner, literal(false)]) : inner);
    }
    case 'exists':
      return exists(query(hopMatch(scope.node, predicate.hop, predicate.where, scope)));
  }
}

/** `a AND (b AND c)` as `a AND b AND c`, which reads better and means the same. */
export function flattenAnd(items: readonly Expr[]): Expr[] {
  const flat: Expr[] = [];
  for (const item of items) {
    if (item.kind === 'Boolean' && item.operator === 'AND') flat.push(...item.operands);
    else flat.push(item);
  }
  return flat;
}

/** `MATCH (from)-[r:TYPE]-(m:Label) [WHERE ...]`, with fresh variables for the far side. */
export function hopMatch(from: Variable, hop: Hop, where: Predicate | undefined, outer: PredicateScope) {
  const { names, slots } = outer;
  const target = variable(names.next('m'));
  const relationship = where !== undefined && mentionsRel(where) ? variable(names.next('r')) : undefined;
  const path = pattern(node(from), [
    rel({ variable: relationship, types: [hop.type], direction: hop.direction }),
    node(target, hop.labels),
  ]);
  const condition =
    where === undefined
      ? undefined
      : compilePredicate(where, { node: target, rel: relationship, names, slots });
  return match(path, { where: withGuard(hop, target, condition, outer) });
}

/** `condition AND <the hop's plugin guard on target>`; `condition` alone when the hop has no guard. */
export function withGuard(
  hop: Hop,
  target: Variable,
  condition: Expr | undefined,
  outer: Pick<PredicateScope, 'names' | 'slots'>,
): Expr | undefined {
  if (hop.guard === undefined) return condition;
  const guard = compilePredicate(hop.guard, {
    node: target,
    rel: undefined,
    names: outer.names,
    slots: outer.slots,
  });
  return condition === undefined ? guard : and(guard, condition);
}

function subject(predicate: Extract<Predicate, { k: 'op' }>, scope: PredicateScope): Expr {
  switch (predicate.on) {
    case 'node':
      return prop(scope.node, predicate.key);
    case 'id':
      return fn('elementId', [scope.node]);
    case 'rel':
      if (scope.rel === undefined)
        throw new Error('Internal error: relationship filter without a relationship');
      return prop(scope.rel, predicate.key);
    case 'ann': {
      const expr = scope.annotations?.get(predicate.key);
      if (expr === undefined) throw new Error(`Internal error: annotation ${predicate.key} is not in scope`);
      return expr;
    }
  }
}

const lower = (expr: Expr): Expr => fn('toLower', [expr]);

function compileOperator(left: Expr, predicate: OperatorPredicate, scope: PredicateScope): Expr {
  if (predicate.op === 'isNull') return predicate.value ? isNull(left) : isNotNull(left);
  const { names, slots } = scope;
  const param = () => slots.param(predicate.value);
  switch (predicate.op) {
    case 'eq':
    case 'exact':
      return eq(left, param());
    case 'ne':
      return neq(left, param());
    case 'lt':
      return lt(left, param());
    case 'lte':
      return lte(left, param());
    case 'gt':
      return gt(left, param());
    case 'gte':
      return gte(left, param());
    case 'in':
      return inList(left, param());
    case 'notIn':
      return not(inList(left, param()));
    case 'contains':
      return contains(left, param());
    case 'iContains':
      return contains(lower(left), lower(param()));
    case 'startsWith':
      return startsWith(left, param());
    case 'iStartsWith':
      return startsWith(lower(left), lower(param()));
    case 'endsWith':
      return endsWith(left, param());
    case 'iEndsWith':
      return endsWith(lower(left), lower(param()));
    case 'regex':
      return regexMatch(left, param());
    case 'iExact':
      return eq(lower(left), lower(param()));
    case 'includes':
      return inList(param(), left);
    case 'includesAny': {
      const item = variable(names.next('x'));
      return gt(fn('size', [listComprehension(item, left, { where: inList(item, param()) })]), literal(0));
    }
    case 'includesAll': {
      const item = variable(names.next('x'));
      const missing = listComprehension(item, param(), { where: not(inList(item, left)) });
      // Without the null check a node lacking the list would pass: `x IN null` is null, not false.
      return and(isNotNull(left), eq(fn('size', [missing]), literal(0)));
    }
  }
}

/** Whether the predicate can evaluate to null (unknown) rather than true or false. */
function nullable(predicate: Predicate): boolean {
  switch (predicate.k) {
    case 'op':
      return predicate.op !== 'isNull' && predicate.on !== 'id';
    case 'and':
    case 'or':
      return predicate.items.some(nullable);
    case 'not':
    case 'exists':
      return false;
  }
}

export function mentionsRel(predicate: Predicate): boolean {
  switch (predicate.k) {
    case 'op':
      return predicate.on === 'rel';
    case 'and':
    case 'or':
      return predicate.items.some(mentionsRel);
    case 'not':
      return mentionsRel(predicate.item);
    case 'exists':
      return false;
  }
}
