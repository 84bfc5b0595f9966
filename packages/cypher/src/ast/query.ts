import type { Clause } from './clauses';

/** A sequence of clauses: one Cypher statement, or the body of a subquery. */
export interface SingleQuery {
  readonly kind: 'Query';
  readonly clauses: readonly Clause[];
}

/** `q1 UNION q2 UNION ...` (or `UNION ALL`); Cypher forbids mixing the two in one statement. */
export interface UnionQuery {
  readonly kind: 'Union';
  readonly queries: readonly SingleQuery[];
  readonly all: boolean;
}

/** Anything that can be run, or nested in CALL / EXISTS / COUNT / COLLECT. */
export type Query = SingleQuery | UnionQuery;
