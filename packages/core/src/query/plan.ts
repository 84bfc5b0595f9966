import type { NodeDefinition, RelationshipDirection } from '../registry/definitions';
import type { Bound } from './bound';
import type { OperatorName } from './operators';

/**
 * What a predicate compares: a property of the node in scope, of the relationship in scope, the
 * node's element id, or an annotation computed earlier in the query.
 */
export type Subject = 'node' | 'rel' | 'id' | 'ann';

/** One relationship step: `-[:TYPE]->(:Label)`. */
export interface Hop {
  readonly type: string;
  readonly direction: RelationshipDirection;
  /** Labels of the node at the far end. */
  readonly labels: readonly string[];
  /** The model at the far end (what plugins key their conditions on). */
  readonly target?: NodeDefinition;
  /** A condition every far-end node must meet, added by plugins (see `src/plugins`). */
  readonly guard?: Predicate;
}

/** `subject.key <operator> $value`: the value, converted to what the driver sends, is a parameter. */
export interface ComparisonPredicate {
  readonly k: 'op';
  readonly on: Subject;
  /** Stored property name (or annotation alias); unused for `id`. */
  readonly key: string;
  readonly op: Exclude<OperatorName, 'isNull'>;
  readonly value: Bound;
}

/** `subject.key IS NULL` (`value` true) or `IS NOT NULL` (false): the flag is part of the text. */
export interface NullPredicate {
  readonly k: 'op';
  readonly on: Subject;
  readonly key: string;
  readonly op: 'isNull';
  readonly value: boolean;
}

/** One comparison of a subject. */
export type OperatorPredicate = ComparisonPredicate | NullPredicate;

/**
 * A validated, value-converted filter, independent of variable names so that one filter can be
 * compiled wherever its node ends up in the query.
 */
export type Predicate =
  | OperatorPredicate
  | { readonly k: 'and' | 'or'; readonly items: readonly Predicate[] }
  /** The complement: also true where the inner predicate is unknown (null). */
  | { readonly k: 'not'; readonly item: Predicate }
  /** At least one `hop` from the node in scope leads to a node (and relationship) matching `where`. */
  | { readonly k: 'exists'; readonly hop: Hop; readonly where: Predicate | undefined };

/** True when the predicate refers to an annotation, so it must run after annotations are computed. */
export function usesAnnotations(predicate: Predicate): boolean {
  switch (predicate.k) {
    case 'op':
      return predicate.on === 'ann';
    case 'and':
    case 'or':
      return predicate.items.some(usesAnnotations);
    case 'not':
      return usesAnnotations(predicate.item);
    case 'exists':
      return false;
  }
}

/** Conjunction that avoids needless nesting. */
export function allOf(items: readonly Predicate[]): Predicate | undefined {
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0];
  return { k: 'and', items };
}

/** One normalized ORDER BY key. */
export interface SortKey {
  /** As the user wrote it (with `-`), for cursors and messages. */
  readonly text: string;
  readonly descending: boolean;
  /** Relationships to follow first (related-property ordering). */
  readonly hops: readonly Hop[];
  readonly on: Subject;
  readonly key: string;
}
