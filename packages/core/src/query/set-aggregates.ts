import { type Expr, fn, prop, type Variable } from '@cartograph/cypher';
import { InvalidFilterError, UnknownPropertyError } from '../errors/filter-errors';
import type { PropertyType } from '../properties/property-type';
import { type AggregateKind, Aggregation } from './aggregations';
import type { FieldScope, ResolvedField } from './scopes';

/** An aggregate over the whole set (or over each group of `groupBy`). */
export interface SetAggregatePlan {
  readonly name: string;
  readonly kind: AggregateKind;
  /** The aggregated field; undefined for `count()` of nodes. */
  readonly field: ResolvedField | undefined;
  readonly distinct: boolean;
  readonly valueType: PropertyType | undefined;
}

/** Validates `aggregate({ name: count() | sum('age') | ... })` entries. */
export function normalizeSetAggregate(
  scope: FieldScope,
  name: string,
  aggregation: unknown,
): SetAggregatePlan {
  if (!(aggregation instanceof Aggregation)) {
    throw new InvalidFilterError(
      `aggregate({ ${name}: ... }) needs count(), collect(), sum(), avg(), min() or max().`,
    );
  }
  const { kind, path, distinct } = aggregation;
  if (path === undefined) {
    if (kind !== 'count') throw new InvalidFilterError(`${kind}() needs a property name.`);
    return { name, kind, field: undefined, distinct, valueType: undefined };
  }
  const field = scope.field(path);
  if (!field) {
    const hint = path.includes('.') ? ' Aggregate related values per node with annotate() first.' : '';
    throw new InvalidFilterError(
      new UnknownPropertyError(scope.model, path, scope.knownKeys(), 'field').message + hint,
    );
  }
  return { name, kind, field, distinct, valueType: field.ref.type };
}

/** `count(n)`, `sum(n.age)`, `collect(DISTINCT n.city)`, ... */
export function compileSetAggregate(
  plan: SetAggregatePlan,
  node: Variable,
  annotations: ReadonlyMap<string, Expr>,
): Expr {
  const { field } = plan;
  let argument: Expr = node;
  if (field?.on === 'ann') argument = annotations.get(field.key) as Expr;
  else if (field?.on === 'id') argument = fn('elementId', [node]);
  else if (field) argument = prop(node, field.key);
  return fn(plan.kind, [argument], { distinct: plan.distinct });
}
