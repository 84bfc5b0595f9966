import {
  eq,
  exists,
  fn,
  match,
  node,
  not,
  param,
  query,
  render,
  returnClause,
  unwind,
  variable,
  withClause,
} from '@cartograph/cypher';
import type { NodesNotFoundError } from '../errors';
import type { Graph } from '../graph/graph';
import type { KeyProperty } from './bulk-keys';
import { type LockedEnds, nodesNotFound } from './bulk-locks';

const id = variable('id');
const n = variable('n');

/** `UNWIND $ids AS id WITH id WHERE NOT EXISTS { MATCH (n) WHERE elementId(n) = id } RETURN id` */
const GONE = render(
  query(
    unwind(param(undefined, 'ids'), id),
    withClause([id], {
      where: not(exists(query(match(node(n), { where: eq(fn('elementId', [n]), id) })))),
    }),
    returnClause([id]),
  ),
).cypher;

/**
 * The error of a write without locks that reached fewer pairs than it was sent: nodes the lookup
 * found were deleted before the write by another transaction. Names the keys of the nodes gone,
 * so the caller rolls back the whole call instead of skipping their pairs.
 */
export async function vanishedNodes(
  graph: Graph,
  keys: { readonly from: KeyProperty; readonly to: KeyProperty },
  ends: LockedEnds,
  from: readonly unknown[],
  to: readonly unknown[],
): Promise<NodesNotFoundError> {
  const ids = [...new Set([...ends.fromIds, ...ends.toIds])];
  const rows = await graph.run(
    { cypher: GONE, params: { ids }, model: keys.from.definition.name },
    'WRITE',
    (r) => String(r.get('id')),
  );
  const gone = new Set(rows);
  const goneFrom = from.filter((_, at) => gone.has(ends.fromIds[at]!));
  if (goneFrom.length > 0 || gone.size === 0) return nodesNotFound(keys.from, goneFrom);
  return nodesNotFound(
    keys.to,
    to.filter((_, at) => gone.has(ends.toIds[at]!)),
  );
}
