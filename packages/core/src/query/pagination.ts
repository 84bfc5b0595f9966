import type { Record as Neo4jRecord } from 'neo4j-driver';
import { InvalidFilterError } from '../errors/filter-errors';
import { resolveGraph } from '../graph/resolve-graph';
import { integerBound } from './bound';
import { compileNodes } from './compile';
import type { Body } from './compile-body';
import { annotationScope } from './compile-body';
import { afterCursor, decodeCursor, encodeCursor } from './cursor';
import { SKIPPED, tolerant, withoutSkipped } from './lenient-rows';
import { nodeMapper } from './results';
import { type SortKey, sortExpression } from './sort-keys';
import { lastStage, type NodeSetState, withLastStage } from './state';

/** Options of `paginate`. */
export interface PageOptions {
  /** Page size. */
  readonly first: number;
  /** `endCursor` of the previous page; omit for the first page. */
  readonly after?: string | null;
}

/** One page of results. */
export interface Page<T> {
  readonly items: T[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    /** Pass as `after` to get the next page; null on an empty page. */
    readonly endCursor: string | null;
  };
}

// The element id breaks ties, so the order is total and no row is skipped or repeated between pages.
const BY_ELEMENT_ID: SortKey = Object.freeze({
  text: 'elementId',
  descending: false,
  hops: [],
  on: 'id',
  key: '',
});

/**
 * Keyset ("cursor") pagination: each page continues after the last row of the previous one,
 * so pages stay consistent when rows are inserted and deep pages cost no more than the first.
 */
export async function paginate<T>(state: NodeSetState, options: PageOptions): Promise<Page<T>> {
  const { first, after } = options;
  if (!Number.isSafeInteger(first) || first < 1)
    throw new InvalidFilterError(`paginate() needs first >= 1, got ${String(first)}.`);
  const stage = lastStage(state);
  if (stage.skip !== undefined || stage.limit !== undefined) {
    throw new InvalidFilterError('paginate() pages by cursor; remove skip() and limit() from the set.');
  }
  const order = [...stage.order, BY_ELEMENT_ID];
  const keys = order.map((key) => key.text);
  const cursor = after === undefined || after === null ? undefined : decodeCursor(after, keys);
  const paged = withLastStage(state, () => ({ order, limit: integerBound(first + 1) }));
  const late = cursor
    ? (body: Body) => {
        const annotations = annotationScope(body.annotations);
        const exprs = order.map((key) => sortExpression(key, body.node, annotations, body.names, body.slots));
        return afterCursor(
          exprs,
          order.map((key) => key.descending),
          cursor,
        );
      }
    : undefined;
  const { compiled, layout } = compileNodes(paged, { late, sortColumns: true });
  const map = tolerant(nodeMapper<T>(stage.definition, layout), state.lenient);
  const read = (record: Neo4jRecord): { item: T | typeof SKIPPED; cursor: string } => {
    const values = keys.map((_, i) => record.get(record.length - keys.length + i));
    return { item: map(record), cursor: encodeCursor(keys, values) };
  };
  const rows = await resolveGraph(state.call).run(compiled, 'READ', read, state.call);
  const page = rows.slice(0, first);
  return {
    // A lenient read may skip rows, so a page can hold fewer than `first` items.
    items: withoutSkipped(page.map((row) => row.item)),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.cursor ?? null },
  };
}
