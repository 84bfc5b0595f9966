import type { Expr, Property, Variable } from './expressions';
import type { Pattern } from './patterns';
import type { Query } from './query';

/** One projected column: `expr` or `expr AS alias`. */
export interface ProjectionItem {
  readonly kind: 'ProjectionItem';
  readonly expr: Expr;
  readonly alias?: string;
}

/** One ORDER BY key; no direction means Cypher's default (ascending). */
export interface SortItem {
  readonly kind: 'SortItem';
  readonly expr: Expr;
  readonly direction?: 'ASC' | 'DESC';
}

/** `n.key = value` */
export interface SetProperty {
  readonly kind: 'SetProperty';
  readonly property: Property;
  readonly value: Expr;
}

/** `n += value`: merges a map into the entity's properties. */
export interface SetMerge {
  readonly kind: 'SetMerge';
  readonly variable: Variable;
  readonly value: Expr;
}

/** `n = value`: replaces all of the entity's properties. */
export interface SetReplace {
  readonly kind: 'SetReplace';
  readonly variable: Variable;
  readonly value: Expr;
}

/** `n:Label1:Label2` inside SET. */
export interface SetLabels {
  readonly kind: 'SetLabels';
  readonly variable: Variable;
  readonly labels: readonly string[];
}

export type SetItem = SetProperty | SetMerge | SetReplace | SetLabels;

export interface RemoveProperty {
  readonly kind: 'RemoveProperty';
  readonly property: Property;
}

export interface RemoveLabels {
  readonly kind: 'RemoveLabels';
  readonly variable: Variable;
  readonly labels: readonly string[];
}

export type RemoveItem = RemoveProperty | RemoveLabels;

export interface Match {
  readonly kind: 'Match';
  readonly patterns: readonly Pattern[];
  readonly optional: boolean;
  readonly where?: Expr;
}

export interface Create {
  readonly kind: 'Create';
  readonly patterns: readonly Pattern[];
}

export interface Merge {
  readonly kind: 'Merge';
  readonly pattern: Pattern;
  readonly onCreate: readonly SetItem[];
  readonly onMatch: readonly SetItem[];
}

/** Shared by WITH and RETURN; Cypher orders the parts as DISTINCT, items, ORDER BY, SKIP, LIMIT. */
export interface ProjectionBody {
  readonly items: readonly ProjectionItem[];
  readonly distinct: boolean;
  readonly orderBy: readonly SortItem[];
  readonly skip?: Expr;
  readonly limit?: Expr;
}

/** WITH; its WHERE is rendered after ORDER BY/SKIP/LIMIT, as Cypher's grammar requires. */
export interface With extends ProjectionBody {
  readonly kind: 'With';
  readonly where?: Expr;
}

export interface Return extends ProjectionBody {
  readonly kind: 'Return';
}

export interface Unwind {
  readonly kind: 'Unwind';
  readonly expr: Expr;
  readonly alias: string;
}

export interface SetClause {
  readonly kind: 'Set';
  readonly items: readonly SetItem[];
}

export interface Remove {
  readonly kind: 'Remove';
  readonly items: readonly RemoveItem[];
}

export interface Delete {
  readonly kind: 'Delete';
  readonly exprs: readonly Expr[];
  readonly detach: boolean;
}

export type OnErrorBehaviour = 'FAIL' | 'CONTINUE' | 'BREAK';

/** `IN TRANSACTIONS [OF n ROWS] [ON ERROR ...]` */
export interface InTransactions {
  readonly ofRows?: number;
  readonly onError?: OnErrorBehaviour;
}

/**
 * `CALL (a, b) { ... }`: a subquery using the Neo4j 5.23+ variable scope clause. `'*'` imports
 * every variable in scope; an empty list renders `CALL () { ... }`.
 */
export interface CallSubquery {
  readonly kind: 'CallSubquery';
  readonly query: Query;
  readonly importVariables: readonly string[] | '*';
  readonly inTransactions?: InTransactions;
}

/** One column a procedure yields, optionally renamed: `node AS n0`. */
export interface YieldItem {
  readonly name: string;
  readonly alias?: string;
}

/** `CALL db.labels() YIELD label`, `CALL db.index.vector.queryNodes(...) YIELD node AS n0, score AS s0` */
export interface CallProcedure {
  readonly kind: 'CallProcedure';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly yield: readonly YieldItem[];
}

/** Standalone `ORDER BY`, meant to follow a WITH or RETURN. */
export interface OrderBy {
  readonly kind: 'OrderBy';
  readonly items: readonly SortItem[];
}

/** Standalone `SKIP`, meant to follow a WITH or RETURN (or an ORDER BY). */
export interface Skip {
  readonly kind: 'Skip';
  readonly expr: Expr;
}

/** Standalone `LIMIT`, meant to follow a WITH or RETURN (or an ORDER BY / SKIP). */
export interface Limit {
  readonly kind: 'Limit';
  readonly expr: Expr;
}

/** Every clause node. */
export type Clause =
  | Match
  | Create
  | Merge
  | With
  | Return
  | Unwind
  | SetClause
  | Remove
  | Delete
  | CallSubquery
  | CallProcedure
  | OrderBy
  | Skip
  | Limit;
