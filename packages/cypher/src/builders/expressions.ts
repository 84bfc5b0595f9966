import type {
  Arithmetic,
  ArithmeticOperator,
  BooleanExpr,
  Comparison,
  ComparisonOperator,
  Expr,
  FunctionCall,
  HasLabels,
  Literal,
  Not,
  NullCheck,
  Param,
  Property,
  Star,
  Variable,
} from '../ast/expressions';
import { InvalidQueryError } from '../errors';
import { assertParamName, assertQualifiedName } from '../validation/names';
import {
  checkedLabels,
  checkedName,
  type ExprLike,
  frozenList,
  toExpr,
  toVariable,
  type VariableLike,
} from './common';

/** A reference to variable `name`. @throws InvalidIdentifierError */
export function variable(name: string): Variable {
  return Object.freeze({ kind: 'Variable', name: checkedName(name) });
}

/**
 * A query parameter. The value is never written into the query text. Without `name` the renderer
 * assigns `p0`, `p1`, ... by order of first appearance; an explicit `name` must match
 * `/^[A-Za-z_][A-Za-z0-9_]*$/` and must not look like an automatic name (`p<digits>`).
 * @throws InvalidIdentifierError for a malformed name.
 */
export function param(value: unknown, name?: string): Param {
  if (name === undefined) return Object.freeze({ kind: 'Param', value });
  assertParamName(name);
  return Object.freeze({ kind: 'Param', value, name });
}

/**
 * A constant written into the query text. Only for values the OGM itself generates; user data
 * belongs in {@link param}. @throws InvalidQueryError for non-finite numbers.
 */
export function literal(value: number | boolean | null): Literal {
  if (typeof value === 'number' ? !Number.isFinite(value) : value !== null && typeof value !== 'boolean') {
    throw new InvalidQueryError(`Literal must be a finite number, a boolean or null, got ${String(value)}`);
  }
  return Object.freeze({ kind: 'Literal', value });
}

/** `object.key`; a string `object` names a variable. @throws InvalidIdentifierError */
export function prop(object: ExprLike, key: string): Property {
  return Object.freeze({ kind: 'Property', object: toExpr(object), key: checkedName(key) });
}

/**
 * A function call such as `toLower(n.name)` or `count(DISTINCT m)`.
 * @throws InvalidQueryError when `name` is not a (dot-separated) plain word.
 */
export function fn(
  name: string,
  args: readonly Expr[] = [],
  options: { distinct?: boolean } = {},
): FunctionCall {
  assertQualifiedName(name, 'function');
  return Object.freeze({
    kind: 'FunctionCall',
    name,
    args: frozenList(args),
    distinct: options.distinct === true,
  });
}

/** `*` for `RETURN *`, or as the argument of `count(*)`. */
export function star(): Star {
  return STAR;
}

const STAR: Star = Object.freeze({ kind: 'Star' });

/** `count(*)` */
export function countStar(): FunctionCall {
  return fn('count', [STAR]);
}

function comparison(operator: ComparisonOperator, left: Expr, right: Expr): Comparison {
  return Object.freeze({ kind: 'Comparison', operator, left, right });
}

/** `left = right` */
export const eq = (left: Expr, right: Expr): Comparison => comparison('=', left, right);
/** `left <> right` */
export const neq = (left: Expr, right: Expr): Comparison => comparison('<>', left, right);
/** `left < right` */
export const lt = (left: Expr, right: Expr): Comparison => comparison('<', left, right);
/** `left <= right` */
export const lte = (left: Expr, right: Expr): Comparison => comparison('<=', left, right);
/** `left > right` */
export const gt = (left: Expr, right: Expr): Comparison => comparison('>', left, right);
/** `left >= right` */
export const gte = (left: Expr, right: Expr): Comparison => comparison('>=', left, right);
/** `item IN list` */
export const inList = (item: Expr, list: Expr): Comparison => comparison('IN', item, list);
/** `text STARTS WITH prefix` */
export const startsWith = (text: Expr, prefix: Expr): Comparison => comparison('STARTS WITH', text, prefix);
/** `text ENDS WITH suffix` */
export const endsWith = (text: Expr, suffix: Expr): Comparison => comparison('ENDS WITH', text, suffix);
/** `text CONTAINS part` */
export const contains = (text: Expr, part: Expr): Comparison => comparison('CONTAINS', text, part);
/** `text =~ pattern` (Java regular expression, whole-string match). */
export const regexMatch = (text: Expr, pattern: Expr): Comparison => comparison('=~', text, pattern);

function arithmetic(operator: ArithmeticOperator, left: Expr, right: Expr): Arithmetic {
  return Object.freeze({ kind: 'Arithmetic', operator, left, right });
}

/** `left + right` (also concatenates strings and lists). */
export const add = (left: Expr, right: Expr): Arithmetic => arithmetic('+', left, right);
/** `left - right` */
export const sub = (left: Expr, right: Expr): Arithmetic => arithmetic('-', left, right);
/** `left * right` */
export const mul = (left: Expr, right: Expr): Arithmetic => arithmetic('*', left, right);
/** `left / right` */
export const div = (left: Expr, right: Expr): Arithmetic => arithmetic('/', left, right);
/** `left % right` */
export const mod = (left: Expr, right: Expr): Arithmetic => arithmetic('%', left, right);

/** Conjunction; renders `true` with no operands and the operand itself with one. */
export function and(...operands: Expr[]): BooleanExpr {
  return Object.freeze({ kind: 'Boolean', operator: 'AND', operands: frozenList(operands) });
}

/** Disjunction; renders `false` with no operands and the operand itself with one. */
export function or(...operands: Expr[]): BooleanExpr {
  return Object.freeze({ kind: 'Boolean', operator: 'OR', operands: frozenList(operands) });
}

/** `left XOR right` */
export function xor(left: Expr, right: Expr): BooleanExpr {
  return Object.freeze({ kind: 'Boolean', operator: 'XOR', operands: Object.freeze([left, right]) });
}

/** `NOT operand` */
export function not(operand: Expr): Not {
  return Object.freeze({ kind: 'Not', operand });
}

/** `operand IS NULL` */
export function isNull(operand: Expr): NullCheck {
  return Object.freeze({ kind: 'NullCheck', operand, negated: false });
}

/** `operand IS NOT NULL` */
export function isNotNull(operand: Expr): NullCheck {
  return Object.freeze({ kind: 'NullCheck', operand, negated: true });
}

/** Label predicate `n:Person:Company` (all labels required). @throws InvalidIdentifierError */
export function hasLabels(subject: VariableLike, labels: readonly string[]): HasLabels {
  return Object.freeze({
    kind: 'HasLabels',
    subject: toVariable(subject),
    labels: checkedLabels(labels, 'hasLabels'),
  });
}
