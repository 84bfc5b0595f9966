import {
  and,
  collectSubquery,
  type Expr,
  fn,
  index,
  isNotNull,
  literal,
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
import { InvalidFilterError } from '../errors/filter-errors';
import type { Names } from './names';
import type { ParamSlots } from './param-slots';
import { resolveFieldPath } from './paths';
import type { SortKey } from './plan';
import { withGuard } from './predicates';
import type { FieldScope } from './scopes';
import type { Stage } from './state';

/** Validates `'-age'`, `'name'`, `'employer.name'`, `'friendCount'` against the stage's model. */
export type { SortKey };

export function normalizeSortKeys(stage: Stage, scope: FieldScope, keys: readonly string[]): SortKey[] {
  return keys.map((text) => {
    if (typeof text !== 'string')
      throw new InvalidFilterError(`orderBy() takes field names, got ${String(text)}.`);
    const descending = text.startsWith('-');
    const path = descending ? text.slice(1) : text;
    const { hops, field } = resolveFieldPath(stage.definition, path, scope.field, scope.knownKeys);
    return Object.freeze({ text, descending, hops, on: field.on, key: field.key });
  });
}

/**
 * The expression a key sorts by. A related property sorts by the smallest (ascending) or largest
 * (descending) value among the related nodes, so to-many relationships order deterministically
 * and nodes without the relation sort last.
 */
export function sortExpression(
  key: SortKey,
  from: Variable,
  annotations: ReadonlyMap<string, Expr>,
  names: Names,
  slots: ParamSlots,
): Expr {
  if (key.on === 'ann') return annotations.get(key.key) as Expr;
  if (key.on === 'id') return fn('elementId', [from]);
  if (key.hops.length === 0) return prop(from, key.key);
  let current = from;
  const steps: Array<readonly [ReturnType<typeof rel>, ReturnType<typeof node>]> = [];
  let guards: Expr | undefined;
  for (const hop of key.hops) {
    current = variable(names.next('m'));
    steps.push([rel({ types: [hop.type], direction: hop.direction }), node(current, hop.labels)]);
    guards = withGuard(hop, current, guards, { names, slots });
  }
  const value = prop(current, key.key);
  const inner = query(
    match(pattern(node(from), ...steps), {
      where: guards ? and(guards, isNotNull(value)) : isNotNull(value),
    }),
    returnClause([value], {
      orderBy: [{ expr: value, direction: key.descending ? 'DESC' : 'ASC' }],
      limit: literal(1),
    }),
  );
  return index(collectSubquery(inner), 0);
}
