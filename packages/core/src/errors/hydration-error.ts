import type { CardinalityViolationError } from './cardinality-errors';
import { CartographError } from './cartograph-error';

/** Where a stored value was read from: the node (or relationship) and the property. */
export interface StoredDataLocation {
  /** Model the value was read for. */
  readonly model: string;
  /** Labels of the node, or the relationship type. */
  readonly labels: readonly string[];
  readonly elementId: string;
  /** Field name on the model. */
  readonly property: string;
}

/**
 * A node or relationship in the database holds what its model forbids (written by another
 * application, or before the model changed): a required property is missing, a value has the wrong
 * type, fails the type's format (email, UUID) or choices, or cannot be read without loss (an INTEGER
 * above 2^53 in a number property). Raised on read instead of returning a silently wrong instance.
 */
export class HydrationError extends CartographError {
  readonly model: string;
  readonly labels: readonly string[];
  readonly elementId: string;
  readonly property: string;

  constructor(
    location: StoredDataLocation,
    /** Neo4j type of the stored value (`STRING`, `INTEGER`, `NULL` when missing...). */
    readonly storedType: string,
    /** What the model expects, e.g. `email (STRING)`. */
    readonly expectedType: string,
    /** Why the value was refused. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      'INVALID_STORED_DATA',
      `${location.model} ${location.labels.map((l) => `:${l}`).join('')} ${location.elementId}: ` +
        `property ${location.property} holds ${storedType}, expected ${expectedType}: ${reason}. ` +
        'Repair the stored data, or read with .lenient() to skip such rows and collect the problems.',
      options,
    );
    this.model = location.model;
    this.labels = location.labels;
    this.elementId = location.elementId;
    this.property = location.property;
  }
}

/** What a lenient read skips and reports: a row with invalid stored data or a broken cardinality. */
export type HydrationProblem = HydrationError | CardinalityViolationError;

/** Receives each problem a lenient read skipped (see `NodeSet#lenient`). */
export type ProblemHandler = (problem: HydrationProblem) => void;
