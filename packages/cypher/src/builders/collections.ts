import type {
  CaseBranch,
  CaseExpr,
  Expr,
  IndexExpr,
  ListComprehension,
  ListExpr,
  MapEntry,
  MapExpr,
  MapProjection,
  PatternComprehension,
  SliceExpr,
  SubqueryExpr,
} from '../ast/expressions';
import type { Pattern } from '../ast/patterns';
import type { Query } from '../ast/query';
import { InvalidQueryError } from '../errors';
import { checkedName, checkedNames, frozenList, toVariable, type VariableLike, variableName } from './common';
import { literal } from './expressions';

/** `[a, b, c]` */
export function list(items: readonly Expr[]): ListExpr {
  return Object.freeze({ kind: 'List', items: frozenList(items) });
}

/** Map literal entries, as an object or (to control order exactly) as `[key, value]` pairs. */
export type MapEntries = Readonly<Record<string, Expr>> | ReadonlyArray<readonly [string, Expr]>;

function toEntries(entries: MapEntries): readonly MapEntry[] {
  const pairs: ReadonlyArray<readonly [string, Expr]> = Array.isArray(entries)
    ? entries
    : Object.entries(entries as Readonly<Record<string, Expr>>);
  return Object.freeze(
    pairs.map(([key, value]): MapEntry => Object.freeze([checkedName(key), value] as const)),
  );
}

/**
 * `{name: $p0, \`odd key\`: $p1}`. Object keys follow JavaScript's property order (integer-like
 * keys first); pass pairs when the order must be exact. @throws InvalidIdentifierError
 */
export function map(entries: MapEntries): MapExpr {
  return Object.freeze({ kind: 'Map', entries: toEntries(entries) });
}

/** Options of {@link mapProjection}. */
export interface MapProjectionOptions {
  properties?: readonly string[];
  all?: boolean;
  extra?: MapEntries;
}

/** `n {.*, .name, .age, friends: expr}`. @throws InvalidIdentifierError */
export function mapProjection(subject: VariableLike, options: MapProjectionOptions = {}): MapProjection {
  return Object.freeze({
    kind: 'MapProjection',
    subject: toVariable(subject),
    all: options.all === true,
    properties: checkedNames(options.properties ?? []),
    extra: toEntries(options.extra ?? []),
  });
}

function subquery(operator: SubqueryExpr['operator'], query: Query): SubqueryExpr {
  return Object.freeze({ kind: 'Subquery', operator, query });
}

/** `EXISTS { <query> }`: true when the inner query yields at least one row. */
export const exists = (query: Query): SubqueryExpr => subquery('EXISTS', query);
/** `COUNT { <query> }`: number of rows the inner query yields. */
export const countSubquery = (query: Query): SubqueryExpr => subquery('COUNT', query);
/** `COLLECT { <query> }`: list of the single column the inner query returns. */
export const collectSubquery = (query: Query): SubqueryExpr => subquery('COLLECT', query);

/** `[x IN list WHERE predicate | projection]`. @throws InvalidIdentifierError */
export function listComprehension(
  variable: VariableLike,
  source: Expr,
  options: { where?: Expr; map?: Expr } = {},
): ListComprehension {
  return Object.freeze({
    kind: 'ListComprehension',
    variable: variableName(variable),
    list: source,
    where: options.where,
    map: options.map,
  });
}

/**
 * `[(a)-[:R]->(b) WHERE predicate | projection]`.
 * @throws InvalidQueryError when the pattern has no relationship (Neo4j requires one).
 */
export function patternComprehension(
  pattern: Pattern,
  options: { where?: Expr; map: Expr },
): PatternComprehension {
  if (pattern.steps.length === 0) {
    throw new InvalidQueryError('A pattern comprehension needs a pattern with at least one relationship');
  }
  return Object.freeze({ kind: 'PatternComprehension', pattern, where: options.where, map: options.map });
}

function position(value: Expr | number): Expr {
  if (typeof value !== 'number') return value;
  if (!Number.isSafeInteger(value))
    throw new InvalidQueryError(`List index must be an integer, got ${value}`);
  return literal(value);
}

/** `list[i]`; a number becomes an integer literal (negative counts from the end). */
export function index(source: Expr, i: Expr | number): IndexExpr {
  return Object.freeze({ kind: 'Index', list: source, index: position(i) });
}

/** `list[from..to]`; omitted bounds are left open. */
export function slice(source: Expr, from?: Expr | number, to?: Expr | number): SliceExpr {
  return Object.freeze({
    kind: 'Slice',
    list: source,
    from: from === undefined ? undefined : position(from),
    to: to === undefined ? undefined : position(to),
  });
}

/**
 * `CASE WHEN c1 THEN v1 WHEN c2 THEN v2 ELSE otherwise END`: the value of the first branch whose
 * condition is true, else `otherwise` (null when omitted).
 * @throws InvalidQueryError without any branch
 */
export function caseWhen(branches: readonly CaseBranch[], otherwise?: Expr): CaseExpr {
  if (branches.length === 0) throw new InvalidQueryError('CASE needs at least one WHEN branch');
  return Object.freeze({
    kind: 'Case',
    branches: Object.freeze(branches.map(([when, then]): CaseBranch => Object.freeze([when, then] as const))),
    otherwise,
  });
}
