import type { MapExpr, Param } from './expressions';

/**
 * Inline properties of a node or relationship pattern. Neo4j accepts a bare parameter
 * (`CREATE (n $props)`) only in CREATE; MATCH and MERGE need a map.
 */
export type PatternProperties = MapExpr | Param;

/** `(n:Person:Admin {email: $p0})` */
export interface NodePattern {
  readonly kind: 'NodePattern';
  readonly variable?: string;
  readonly labels: readonly string[];
  readonly properties?: PatternProperties;
}

export type Direction = 'out' | 'in' | 'both';

/** Variable-length bounds: `*`, `*2`, `*1..3`, `*..3`, `*2..`. */
export interface PathLength {
  readonly min?: number;
  readonly max?: number;
}

/** `-[r:KNOWS|LIKES*1..3 {since: $p0}]->`; several types mean "any of". */
export interface RelationshipPattern {
  readonly kind: 'RelationshipPattern';
  readonly variable?: string;
  readonly types: readonly string[];
  readonly direction: Direction;
  readonly properties?: PatternProperties;
  readonly length?: PathLength;
}

export type PatternStep = readonly [relationship: RelationshipPattern, node: NodePattern];

/** A chain `(a)-[r]->(b)-[s]-(c)`, optionally bound to a path variable: `p = (a)-->(b)`. */
export interface Pattern {
  readonly kind: 'Pattern';
  readonly pathVariable?: string;
  readonly start: NodePattern;
  readonly steps: readonly PatternStep[];
}
