/**
 * How many relationships of one definition a node may have. A policy object rather than a flag, so
 * that checks read `cardinality.max` instead of switching on names.
 */
export interface Cardinality {
  readonly name: 'ZeroOrMore' | 'OneOrMore' | 'ZeroOrOne' | 'One';
  readonly min: 0 | 1;
  /** `Infinity` when unbounded. */
  readonly max: number;
}

/** Any number of relationships (the default). */
export const ZeroOrMore: Cardinality = Object.freeze({
  name: 'ZeroOrMore',
  min: 0,
  max: Number.POSITIVE_INFINITY,
});
/** At least one: the last relationship cannot be removed. */
export const OneOrMore: Cardinality = Object.freeze({
  name: 'OneOrMore',
  min: 1,
  max: Number.POSITIVE_INFINITY,
});
/** At most one. */
export const ZeroOrOne: Cardinality = Object.freeze({ name: 'ZeroOrOne', min: 0, max: 1 });
/** Exactly one: connect once, then move it with `reconnect`. */
export const One: Cardinality = Object.freeze({ name: 'One', min: 1, max: 1 });
