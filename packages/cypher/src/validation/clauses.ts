import type { InTransactions, ProjectionItem } from '../ast/clauses';
import type { PathLength } from '../ast/patterns';
import { InvalidQueryError } from '../errors';
import { assertInteger } from './names';

// Checks shared by the factories (to fail where a node is built) and the renderer (because
// hand-built nodes reach it too, and it is the last line before text).

/** Path length bounds are written into the query text. */
export function assertPathLength(length: PathLength): void {
  if (length.min !== undefined) assertInteger(length.min, 0, 'Minimum path length');
  if (length.max !== undefined) assertInteger(length.max, 0, 'Maximum path length');
  if (length.min !== undefined && length.max !== undefined && length.min > length.max) {
    throw new InvalidQueryError(`Minimum path length ${length.min} exceeds maximum ${length.max}`);
  }
}

/** The batch size and error behaviour are written into the query text. */
export function assertInTransactions(options: InTransactions): void {
  if (options.ofRows !== undefined) assertInteger(options.ofRows, 1, 'IN TRANSACTIONS OF ... ROWS');
  const { onError } = options;
  if (onError !== undefined && onError !== 'FAIL' && onError !== 'CONTINUE' && onError !== 'BREAK') {
    throw new InvalidQueryError(`ON ERROR must be FAIL, CONTINUE or BREAK, got ${String(onError)}`);
  }
}

/** Neo4j rejects `WITH n.name` without `AS`; catching it here gives a clearer message. */
export function assertAliasedWithItem(item: ProjectionItem): void {
  if (item.alias === undefined && item.expr.kind !== 'Variable' && item.expr.kind !== 'Star') {
    throw new InvalidQueryError(`WITH item of kind ${item.expr.kind} must have an alias`);
  }
}

/** Written into the query text, so checked even though the types already restrict it. */
export function assertSortDirection(direction: string | undefined): void {
  if (direction !== undefined && direction !== 'ASC' && direction !== 'DESC') {
    throw new InvalidQueryError(`Sort direction must be 'ASC' or 'DESC', got ${String(direction)}`);
  }
}

export function assertItems(items: readonly unknown[], what: string): void {
  if (items.length === 0) throw new InvalidQueryError(`${what} needs at least one item`);
}
