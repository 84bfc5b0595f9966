import { InvalidFilterError } from '../errors/filter-errors';
import type { TraversalLength } from './state';

/**
 * How many times `traverse(relation, length)` follows the relationship: `{ min, max }` (`min`
 * defaults to 1), or `{ exactly }`. `max` is required: an unbounded traversal can walk the whole
 * graph. `distinct` (default true): each reached node once; false: one row per path.
 */
export type TraverseLength = (
  | { readonly min?: number; readonly max: number; readonly exactly?: never }
  | { readonly exactly: number; readonly min?: never; readonly max?: never }
) & { readonly distinct?: boolean };

/** Validated bounds. @throws InvalidFilterError for nonsense bounds. */
export function traversalBounds(relation: string, length: TraverseLength): TraversalLength {
  const fail = (problem: string) =>
    new InvalidFilterError(`traverse('${relation}', ...) ${problem}, got ${describe(length)}.`);
  if (typeof length !== 'object' || length === null) throw fail('takes bounds such as { min: 1, max: 3 }');
  const { exactly } = length;
  if (exactly !== undefined) {
    if (length.min !== undefined || length.max !== undefined)
      throw fail('takes either exactly or min/max, not both');
    checkBound(exactly, 'exactly', fail);
    if (exactly < 1) throw fail('needs exactly >= 1 (0 would be the node itself)');
    return Object.freeze({ min: exactly, max: exactly });
  }
  const min = length.min ?? 1;
  const max = length.max;
  checkBound(min, 'min', fail);
  if (max === undefined) throw fail('needs a max (an unbounded traversal can walk the whole graph)');
  checkBound(max, 'max', fail);
  if (max < 1) throw fail('needs max >= 1');
  if (min > max) throw fail('needs min <= max');
  return Object.freeze({ min, max });
}

function checkBound(value: unknown, name: string, fail: (problem: string) => Error): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw fail(`takes ${name} as a whole number >= 0`);
}

function describe(length: unknown): string {
  try {
    return JSON.stringify(length) ?? String(length);
  } catch {
    return String(length);
  }
}
