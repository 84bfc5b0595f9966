import type { Expr, Variable } from '../ast/expressions';
import { InvalidQueryError } from '../errors';
import { escapeIdentifier } from '../render/identifier';

/** Anywhere a variable is referenced, its bare name is accepted too. */
export type VariableLike = Variable | string;

/** Copies before freezing so later changes to the caller's array cannot reach the AST. */
export function frozenList<T>(items: readonly T[]): readonly T[] {
  return Object.freeze(items.slice());
}

/** Validates eagerly so mistakes surface where the node is built, not where it is rendered. */
export function checkedName(name: string): string {
  escapeIdentifier(name);
  return name;
}

export function variableName(variable: VariableLike): string {
  return typeof variable === 'string' ? checkedName(variable) : checkedName(variable.name);
}

export function toVariable(variable: VariableLike): Variable {
  if (typeof variable !== 'string') return variable;
  return Object.freeze({ kind: 'Variable', name: checkedName(variable) });
}

export function checkedNames(names: readonly string[]): readonly string[] {
  for (const name of names) checkedName(name);
  return frozenList(names);
}

export function checkedLabels(labels: readonly string[], what: string): readonly string[] {
  if (labels.length === 0) throw new InvalidQueryError(`${what} needs at least one label`);
  return checkedNames(labels);
}

/** Expression-or-name inputs: a string always means a variable, since string literals do not exist. */
export type ExprLike = Expr | string;

export function toExpr(value: ExprLike): Expr {
  return typeof value === 'string' ? toVariable(value) : value;
}
