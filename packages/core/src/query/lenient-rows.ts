import type { Record as Neo4jRecord } from 'neo4j-driver';
import {
  CardinalityViolationError,
  HydrationError,
  type HydrationProblem,
  type ProblemHandler,
} from '../errors';

/** Marks a row a lenient read skipped; removed by {@link withoutSkipped}. */
export const SKIPPED: unique symbol = Symbol('skipped row');

export function isHydrationProblem(error: unknown): error is HydrationProblem {
  return error instanceof HydrationError || error instanceof CardinalityViolationError;
}

/**
 * A record mapper that, when `onProblem` is given (a lenient read), turns a row whose stored data
 * breaks the model into {@link SKIPPED} and reports it; other errors still fail the read. Without
 * `onProblem` (strict, the default) the mapper is returned as is.
 */
export function tolerant<T>(
  map: (record: Neo4jRecord) => T,
  onProblem: ProblemHandler | undefined,
): (record: Neo4jRecord) => T | typeof SKIPPED {
  if (!onProblem) return map;
  return (record) => {
    try {
      return map(record);
    } catch (error) {
      if (!isHydrationProblem(error)) throw error;
      onProblem(error);
      return SKIPPED;
    }
  };
}

/** The rows a lenient read kept. */
export function withoutSkipped<T>(rows: ReadonlyArray<T | typeof SKIPPED>): T[] {
  return rows.filter((row): row is T => row !== SKIPPED);
}
