import type {
  CallProcedure,
  CallSubquery,
  Clause,
  Create,
  InTransactions,
  Match,
  Merge,
  SetItem,
  Unwind,
  YieldItem,
} from '../ast/clauses';
import type { Expr } from '../ast/expressions';
import type { Pattern } from '../ast/patterns';
import type { Query, SingleQuery, UnionQuery } from '../ast/query';
import { InvalidQueryError } from '../errors';
import { assertInTransactions, assertItems } from '../validation/clauses';
import { assertQualifiedName } from '../validation/names';
import { checkedName, checkedNames, frozenList, type VariableLike, variableName } from './common';
import { type PatternLike, toPattern } from './patterns';

/** Falsy entries are skipped so clauses can be added conditionally. */
export type ClauseInput = Clause | readonly Clause[] | undefined | null | false;

/** A query from clauses in order; nested arrays are flattened. */
export function query(...clauses: ClauseInput[]): SingleQuery {
  const flat: Clause[] = [];
  for (const entry of clauses) {
    if (entry === undefined || entry === null || entry === false) continue;
    if (Array.isArray(entry)) flat.push(...(entry as readonly Clause[]));
    else flat.push(entry as Clause);
  }
  return Object.freeze({ kind: 'Query', clauses: Object.freeze(flat) });
}

/**
 * `q1 UNION q2 ...` (`UNION ALL` with `all`). A single query is returned unchanged; nested unions
 * of the same kind are flattened.
 * @throws InvalidQueryError with no queries, or when UNION and UNION ALL would be mixed.
 */
export function union(queries: readonly Query[], options: { all?: boolean } = {}): Query {
  const all = options.all === true;
  const flat: SingleQuery[] = [];
  for (const member of queries) {
    if (member.kind === 'Query') {
      flat.push(member);
    } else if (member.all === all) {
      flat.push(...member.queries);
    } else {
      throw new InvalidQueryError('UNION and UNION ALL cannot be mixed in one query');
    }
  }
  const first = flat[0];
  if (first === undefined) throw new InvalidQueryError('UNION needs at least one query');
  if (flat.length === 1) return first;
  const result: UnionQuery = { kind: 'Union', queries: Object.freeze(flat), all };
  return Object.freeze(result);
}

function patternList(patterns: PatternLike | readonly PatternLike[], clause: string): readonly Pattern[] {
  const list: readonly PatternLike[] = Array.isArray(patterns) ? patterns : [patterns as PatternLike];
  assertItems(list, clause);
  return Object.freeze(list.map(toPattern));
}

/** `[OPTIONAL] MATCH pattern, ... [WHERE predicate]` */
export function match(
  patterns: PatternLike | readonly PatternLike[],
  options: { where?: Expr; optional?: boolean } = {},
): Match {
  return Object.freeze({
    kind: 'Match',
    patterns: patternList(patterns, 'MATCH'),
    optional: options.optional === true,
    where: options.where,
  });
}

/** `CREATE pattern, ...` */
export function create(patterns: PatternLike | readonly PatternLike[]): Create {
  return Object.freeze({ kind: 'Create', patterns: patternList(patterns, 'CREATE') });
}

/** `MERGE pattern [ON CREATE SET ...] [ON MATCH SET ...]` */
export function merge(
  pattern: PatternLike,
  options: { onCreate?: readonly SetItem[]; onMatch?: readonly SetItem[] } = {},
): Merge {
  return Object.freeze({
    kind: 'Merge',
    pattern: toPattern(pattern),
    onCreate: frozenList(options.onCreate ?? []),
    onMatch: frozenList(options.onMatch ?? []),
  });
}

/** `UNWIND expr AS alias` */
export function unwind(expr: Expr, alias: VariableLike): Unwind {
  return Object.freeze({ kind: 'Unwind', expr, alias: variableName(alias) });
}

/** Options of {@link call}. */
export interface CallOptions {
  /** Variables the subquery may use; `'*'` imports all, omitted or `[]` imports none. */
  importVariables?: readonly string[] | '*';
  /** Runs the subquery in separate transactions (only valid in implicit transactions). */
  inTransactions?: InTransactions;
}

/**
 * `CALL (a, b) { ... }`: Neo4j 5.23+ variable scope syntax, because importing with a leading
 * `WITH` inside the subquery is deprecated.
 * @throws InvalidQueryError for a non-positive row count or unknown ON ERROR behaviour.
 */
export function call(inner: Query, options: CallOptions = {}): CallSubquery {
  const imports = options.importVariables ?? [];
  return Object.freeze({
    kind: 'CallSubquery',
    query: inner,
    importVariables: imports === '*' ? '*' : checkedNames(imports),
    inTransactions:
      options.inTransactions === undefined ? undefined : checkedTransactions(options.inTransactions),
  });
}

function checkedTransactions(options: InTransactions): InTransactions {
  assertInTransactions(options);
  return Object.freeze({ ofRows: options.ofRows, onError: options.onError });
}

/**
 * `CALL db.labels() YIELD label`; a yield item `{ name: 'node', alias: 'n0' }` renders `node AS n0`.
 * @throws InvalidQueryError for a malformed procedure name.
 */
export function callProcedure(
  name: string,
  args: readonly Expr[] = [],
  options: { yield?: ReadonlyArray<string | YieldItem> } = {},
): CallProcedure {
  assertQualifiedName(name, 'procedure');
  return Object.freeze({
    kind: 'CallProcedure',
    name,
    args: frozenList(args),
    yield: Object.freeze((options.yield ?? []).map(yieldItem)),
  });
}

function yieldItem(item: string | YieldItem): YieldItem {
  if (typeof item === 'string') return Object.freeze({ name: checkedName(item) });
  return Object.freeze(
    item.alias === undefined
      ? { name: checkedName(item.name) }
      : { name: checkedName(item.name), alias: checkedName(item.alias) },
  );
}
