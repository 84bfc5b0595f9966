import type {
  Direction,
  NodePattern,
  PathLength,
  Pattern,
  PatternProperties,
  PatternStep,
  RelationshipPattern,
} from '../ast/patterns';
import { InvalidQueryError } from '../errors';
import { assertPathLength } from '../validation/clauses';
import { checkedNames, frozenList, type VariableLike, variableName } from './common';

/**
 * Node pattern `(variable:Label1:Label2 {key: value})`; every part is optional.
 * @throws InvalidIdentifierError
 */
export function node(
  variable?: VariableLike,
  labels: readonly string[] = [],
  properties?: PatternProperties,
): NodePattern {
  return Object.freeze({
    kind: 'NodePattern',
    variable: variable === undefined ? undefined : variableName(variable),
    labels: checkedNames(labels),
    properties,
  });
}

/** Options of {@link rel}. */
export interface RelOptions {
  variable?: VariableLike;
  /** Several types mean "any of them": `[:A|B]`. */
  types?: readonly string[];
  direction: Direction;
  properties?: PatternProperties;
  /** Makes the relationship variable-length; `{}` means any length (`*`). */
  length?: PathLength;
}

/** Relationship pattern `-[r:KNOWS*1..3 {since: $p0}]->`. @throws InvalidIdentifierError, InvalidQueryError */
export function rel(options: RelOptions): RelationshipPattern {
  if (options.direction !== 'out' && options.direction !== 'in' && options.direction !== 'both') {
    throw new InvalidQueryError(
      `Relationship direction must be 'out', 'in' or 'both', got ${String(options.direction)}`,
    );
  }
  return Object.freeze({
    kind: 'RelationshipPattern',
    variable: options.variable === undefined ? undefined : variableName(options.variable),
    types: checkedNames(options.types ?? []),
    direction: options.direction,
    properties: options.properties,
    length: options.length === undefined ? undefined : checkedLength(options.length),
  });
}

function checkedLength(length: PathLength): PathLength {
  assertPathLength(length);
  return Object.freeze({ min: length.min, max: length.max });
}

/** A chain of nodes and relationships: `pattern(node('a'), [rel({...}), node('b')])`. */
export function pattern(
  start: NodePattern,
  ...steps: Array<readonly [RelationshipPattern, NodePattern]>
): Pattern {
  return Object.freeze({ kind: 'Pattern', start, steps: frozenSteps(steps) });
}

/** A chain bound to a path variable: `p = (a)-[:KNOWS]->(b)`. @throws InvalidIdentifierError */
export function pathPattern(
  pathVariable: VariableLike,
  start: NodePattern,
  ...steps: Array<readonly [RelationshipPattern, NodePattern]>
): Pattern {
  return Object.freeze({
    kind: 'Pattern',
    pathVariable: variableName(pathVariable),
    start,
    steps: frozenSteps(steps),
  });
}

function frozenSteps(
  steps: ReadonlyArray<readonly [RelationshipPattern, NodePattern]>,
): readonly PatternStep[] {
  return frozenList(
    steps.map(([relationship, target]): PatternStep => Object.freeze([relationship, target] as const)),
  );
}

/** Clauses accept a lone node pattern wherever a pattern is expected. */
export type PatternLike = Pattern | NodePattern;

export function toPattern(value: PatternLike): Pattern {
  return value.kind === 'Pattern' ? value : pattern(value);
}
