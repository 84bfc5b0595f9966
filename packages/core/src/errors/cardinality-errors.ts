import { CartographError } from './cartograph-error';

/** A connect or disconnect would break a declared cardinality; nothing was written. */
export class AttemptedCardinalityViolationError extends CartographError {
  constructor(
    message: string,
    /** For `relateMany` / `unrelateMany`: the input pairs (positions in the input) that break it. */
    readonly pairs: readonly number[] = [],
  ) {
    super('ATTEMPTED_CARDINALITY_VIOLATION', `${message} Nothing was written.`);
  }
}

/** The graph already breaks a declared cardinality (found on read). */
export class CardinalityViolationError extends CartographError {
  constructor(message: string) {
    super('CARDINALITY_VIOLATION', message);
  }
}

/** `reconnect(old, new)` was given an `old` node the owner is not related to. */
export class NotRelatedError extends CartographError {
  constructor(message: string) {
    super('NOT_RELATED', `${message} Use connect() to add a relationship.`);
  }
}
