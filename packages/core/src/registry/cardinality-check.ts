import { AttemptedCardinalityViolationError, CardinalityViolationError } from '../errors';
import type { RelationshipDefinition } from './definitions';

/** Names one end of a relationship in messages: `Person.employer (ZeroOrOne)`. */
export interface EndDescription {
  readonly model: string;
  readonly definition: RelationshipDefinition;
  /** How the node at this end is named, e.g. `Person uid=42`. */
  readonly node: string;
}

function describe(end: EndDescription): string {
  return `${end.model}.${end.definition.name} is ${end.definition.cardinality.name}`;
}

/** Throws when adding `added` relationships at this end would exceed its maximum. */
export function assertCanAdd(end: EndDescription, current: number, added = 1): void {
  const { max } = end.definition.cardinality;
  if (current + added > max) {
    throw new AttemptedCardinalityViolationError(
      `${describe(end)}, and ${end.node} already has ${current} ${end.definition.type} relationship(s). ` +
        'Disconnect one first, or use reconnect(old, new) / replace(...).',
    );
  }
}

/** Throws when removing `removed` relationships at this end would go below its minimum. */
export function assertCanRemove(end: EndDescription, current: number, removed = 1): void {
  const { min } = end.definition.cardinality;
  if (current - removed < min) {
    throw new AttemptedCardinalityViolationError(
      `${describe(end)}, so ${end.node} must keep at least ${min} ${end.definition.type} relationship(s). ` +
        'Use reconnect(old, new) or replace(...) to swap it instead.',
    );
  }
}

/** Throws when what was read from the graph breaks the declared cardinality. */
export function assertReadCardinality(end: EndDescription, found: number): void {
  const { min, max } = end.definition.cardinality;
  if (found < min || found > max) {
    throw new CardinalityViolationError(
      `${describe(end)}, but ${end.node} has ${found} ${end.definition.type} relationship(s) in the graph. ` +
        'Repair the data (or relax the declared cardinality).',
    );
  }
}

/**
 * Throws when this end, holding `current` relationships, would break its cardinality after
 * `removed` are deleted and `added` created in the same transaction. Only the direction the count
 * moves in is checked, so a write that repairs an end already out of bounds is still allowed.
 */
export function assertCanChange(end: EndDescription, current: number, removed: number, added: number): void {
  if (added > removed) assertCanAdd(end, current - removed, added);
  else if (removed > added) assertCanRemove(end, current + added, removed);
}
