import type { Graph } from '../graph/graph';
import type { KeyedConditions } from '../query/plugins/keyed-conditions';
import type { BulkField } from './bulk-ends';
import type { KeyProperty } from './bulk-keys';
import { lockEnds, nodesNotFound } from './bulk-locks';
import { KeyList, PairSet, type PreparedPair } from './bulk-pairs';
import type { BulkQueries } from './bulk-queries';

interface Keys {
  readonly from: KeyProperty;
  readonly to: KeyProperty;
  readonly conditions: KeyedConditions;
}

/**
 * Whether a batch can find its ends and MERGE in one statement, as a hand-written UNWIND does:
 * no count to check, no duplicates wanted, a directed field (an undirected one needs element ids
 * to see `(a, b)` and `(b, a)` as one pair) and keys that are not sensitive (they travel in `$from` and `$to`).
 */
export function mergesByKey(field: BulkField, keys: Keys, lock: boolean, parallel: boolean): boolean {
  return (
    !lock &&
    !parallel &&
    field.definition.direction !== 'both' &&
    !keys.from.property.sensitive &&
    !keys.to.property.sensitive
  );
}

/**
 * One batch in one statement: every distinct pair (by key; a key names one node) is MERGEd between
 * the nodes its keys find. When fewer or more rows reached MERGE than pairs were sent, a key matched
 * no node or several: the batch's keys are looked up again to name them, and the error rolls the
 * whole call back (what MERGE wrote included).
 * @throws NodesNotFoundError, InvalidKeyError
 */
export async function mergeBatchByKey(
  graph: Graph,
  field: BulkField,
  keys: Keys,
  queries: BulkQueries,
  batch: readonly PreparedPair[],
  sensitive: readonly string[] | undefined,
): Promise<{ created: number; existing: number; duplicates: number }> {
  const distinct = new PairSet();
  // Without a relationship model nothing is set on creation: the pairs carry no properties.
  const withProps = field.definition.model !== undefined;
  const from: unknown[] = [];
  const to: unknown[] = [];
  const props: Record<string, unknown>[] = [];
  for (const pair of batch) {
    if (!distinct.add(pair.from, pair.to)) continue;
    from.push(pair.from);
    to.push(pair.to);
    if (withProps) props.push(pair.props);
  }
  const outcome = await graph.runJoinedWithSummary(
    {
      cypher: queries.mergeByKey,
      params: { from, to, ...(withProps ? { props } : {}), ...keys.conditions.params() },
      sensitive: [...(sensitive ?? []), ...keys.conditions.sensitive()],
      model: field.owner.name,
    },
    (r) => Number(r.get('reached')),
  );
  if ((outcome.rows[0] ?? 0) !== from.length) {
    const fromKeys = new KeyList();
    const toKeys = new KeyList();
    for (let at = 0; at < from.length; at++) {
      fromKeys.add(from[at]);
      toKeys.add(to[at]);
    }
    await lockEnds(graph, queries, keys, fromKeys.values, toKeys.values, keys.conditions, false);
    // Every key matched one node when looked up again: one was deleted and recreated meanwhile.
    throw nodesNotFound(keys.from, []);
  }
  const created = outcome.summary.counters.updates().relationshipsCreated;
  return { created, existing: from.length - created, duplicates: batch.length - from.length };
}
