import {
  and,
  type Clause,
  call,
  collectSubquery,
  countSubquery,
  type Expr,
  fn,
  isNotNull,
  match,
  node,
  pattern,
  prop,
  query,
  rel,
  returnClause,
  type Variable,
  variable,
} from '@cartograph/cypher';
import { InvalidFilterError, UnknownPropertyError } from '../errors/filter-errors';
import type { PropertyType } from '../properties/property-type';
import type { NodeDefinition } from '../registry/definitions';
import { type AggregateKind, Aggregation } from './aggregations';
import type { Names } from './names';
import type { ParamSlots } from './param-slots';
import { resolveFieldPath, resolveRelationPath } from './paths';
import type { Hop } from './plan';
import { withGuard } from './predicates';
import { nodeScope } from './scopes';
import { aggregateResultType, NUMBER_TYPE } from './value-types';

/** A per-node aggregate over a relationship path, as `annotate` stores it. */
export interface AnnotationPlan {
  /** The name the user gave it. */
  readonly name: string;
  /** `score`: the score of the search the set starts with (see `search/search-plan.ts`). */
  readonly kind: AggregateKind | 'score';
  readonly hops: readonly Hop[];
  /** Stored property aggregated at the end of the path; undefined when aggregating the nodes. */
  readonly key: string | undefined;
  /** The model at the end of the path (to hydrate collected nodes). */
  readonly target: NodeDefinition;
  /** Type of the aggregated property, to inflate collected values, min and max. */
  readonly valueType: PropertyType | undefined;
  readonly distinct: boolean;
}

/**
 * The type filter operands on this annotation are checked against (a count is a number, a collect
 * of a property a list of it). Derived when asked: it follows from the plan's kind and valueType.
 */
export function annotationType(plan: AnnotationPlan): PropertyType {
  return plan.kind === 'score' ? NUMBER_TYPE : aggregateResultType(plan.kind, plan.valueType);
}

/** Validates `annotate({ name: aggregation })` entries against the model. */
export function normalizeAnnotation(
  definition: NodeDefinition,
  taken: ReadonlySet<string>,
  name: string,
  aggregation: unknown,
): AnnotationPlan {
  if (!(aggregation instanceof Aggregation)) {
    throw new InvalidFilterError(
      `annotate({ ${name}: ... }) needs count(), collect(), sum(), avg(), min() or max().`,
    );
  }
  // Annotations become fields of the instances: they must not replace a property, a relationship,
  // a method or anything else the prototype chain provides (`save`, `elementId`, `__proto__`...).
  const clash =
    definition.properties.has(name) ||
    definition.aliases.has(name) ||
    taken.has(name) ||
    name in definition.target.prototype;
  if (clash) {
    throw new InvalidFilterError(
      `Cannot annotate ${definition.name} with ${JSON.stringify(name)}: that name is already used.`,
    );
  }
  const { kind, path, distinct } = aggregation;
  if (path === undefined) {
    throw new InvalidFilterError(
      `annotate() needs a relationship path, e.g. count('friends'); to count the set use aggregate().`,
    );
  }
  const last = path.lastIndexOf('.');
  const head = last < 0 ? definition : resolveRelationPath(definition, path.slice(0, last)).target;
  const tail = path.slice(last + 1);
  if (head.relationships.has(tail)) {
    if (kind !== 'count' && kind !== 'collect') {
      throw new InvalidFilterError(
        `${kind}('${path}') needs a property at the end of the path, e.g. ${kind}('${path}.age').`,
      );
    }
    const relations = resolveRelationPath(definition, path);
    return Object.freeze({
      name,
      kind,
      hops: relations.hops,
      key: undefined,
      target: relations.target,
      valueType: undefined,
      distinct,
    });
  }
  if (last < 0) {
    if (!definition.properties.has(path)) {
      throw new UnknownPropertyError(
        definition.name,
        path,
        [...definition.relationships.keys()],
        'relationship',
      );
    }
    throw new InvalidFilterError(
      `annotate() aggregates over relationships, e.g. ${kind}('friends.${path}'); to aggregate ${definition.name}.${path} over the set use aggregate().`,
    );
  }
  const relations = resolveRelationPath(definition, path.slice(0, last));
  const scope = nodeScope(relations.target);
  const { field } = resolveFieldPath(relations.target, tail, scope.field, scope.knownKeys);
  return Object.freeze({
    name,
    kind,
    hops: relations.hops,
    key: field.key,
    target: relations.target,
    valueType: field.ref.type,
    distinct,
  });
}

/** How an annotation is computed: an expression, or a CALL subquery binding a variable. */
export interface CompiledAnnotation {
  readonly clause: Clause | undefined;
  readonly expr: Expr;
  /** The variable the CALL subquery binds, when there is one. */
  readonly bound: string | undefined;
}

/**
 * COUNT / COLLECT subquery expressions where possible. sum/avg/min/max need a CALL subquery:
 * Neo4j treats an aggregate inside a COLLECT expression as an aggregate of the outer projection.
 */
export function compileAnnotation(
  plan: AnnotationPlan,
  from: Variable,
  names: Names,
  slots: ParamSlots,
): CompiledAnnotation {
  let current = from;
  const steps: Array<readonly [ReturnType<typeof rel>, ReturnType<typeof node>]> = [];
  let guards: Expr | undefined;
  for (const hop of plan.hops) {
    current = variable(names.next('m'));
    steps.push([rel({ types: [hop.type], direction: hop.direction }), node(current, hop.labels)]);
    guards = withGuard(hop, current, guards, { names, slots });
  }
  const value = plan.key === undefined ? current : prop(current, plan.key);
  const notNull = plan.key === undefined ? undefined : isNotNull(value);
  const where = guards && notNull ? and(guards, notNull) : (guards ?? notNull);
  const path = match(pattern(node(from), ...steps), { where });
  switch (plan.kind) {
    case 'count': {
      const distinct = plan.distinct || plan.hops.length > 1;
      return {
        clause: undefined,
        expr: countSubquery(query(path, distinct && returnClause([value], { distinct }))),
        bound: undefined,
      };
    }
    case 'collect':
      return {
        clause: undefined,
        expr: collectSubquery(query(path, returnClause([value], { distinct: plan.distinct }))),
        bound: undefined,
      };
    default: {
      const alias = names.next('a');
      const inner = query(path, returnClause([{ expr: fn(plan.kind, [value]), alias }]));
      return { clause: call(inner, { importVariables: [from.name] }), expr: variable(alias), bound: alias };
    }
  }
}
