import { InvalidKeyError, NodesNotFoundError } from '../errors';
import type { Graph } from '../graph/graph';
import type { KeyedConditions } from '../query/plugins/keyed-conditions';
import type { KeyProperty } from './bulk-keys';
import type { BulkQueries } from './bulk-queries';

/** The nodes of one batch, found by key and write-locked, with the counts the checks need. */
export interface LockedEnds {
  /** Element id per position of the `from` key list. */
  readonly fromIds: readonly string[];
  readonly toIds: readonly string[];
  /** This field's relationship count per `from` node (when counted). */
  readonly owner: ReadonlyMap<string, number>;
  /** The reverse side's count per `to` node (when counted). */
  readonly target: ReadonlyMap<string, number>;
  /** `Person email=a@example.com`, per element id, for messages. */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Runs `lockEnds` for the batch's distinct keys (`findEnds` when `lock` is false: no lock, no
 * count). Every key must match exactly one node.
 * @throws NodesNotFoundError naming the keys that matched none; InvalidKeyError when one matched
 * several (the unique constraint is not installed)
 */
export async function lockEnds(
  graph: Graph,
  queries: BulkQueries,
  keys: { readonly from: KeyProperty; readonly to: KeyProperty },
  from: readonly unknown[],
  to: readonly unknown[],
  conditions: KeyedConditions,
  lock = true,
): Promise<LockedEnds> {
  const rows = await graph.run(
    {
      cypher: lock ? queries.lockEnds : queries.findEnds,
      params: { from, to, ...conditions.params() },
      sensitive: sensitiveKeys(keys, conditions),
      model: keys.from.definition.name,
    },
    'WRITE',
    (record) => ({
      side: Number(record.get('side')),
      i: Number(record.get('i')),
      id: record.get('id') as string,
      owner: record.has('owner') ? Number(record.get('owner')) : 0,
      target: record.has('target') ? Number(record.get('target')) : 0,
    }),
  );
  const fromIds: string[] = new Array(from.length);
  const toIds: string[] = new Array(to.length);
  const owner = new Map<string, number>();
  const target = new Map<string, number>();
  const names = new Map<string, string>();
  for (const row of rows) {
    const [ids, values, key] = row.side === 0 ? [fromIds, from, keys.from] : [toIds, to, keys.to];
    if (ids[row.i] !== undefined && ids[row.i] !== row.id) throw severalNodes(key, values[row.i]);
    ids[row.i] = row.id;
    (row.side === 0 ? owner : target).set(row.id, row.side === 0 ? row.owner : row.target);
    names.set(row.id, keyedName(key, values[row.i]));
  }
  missing(keys.from, from, fromIds);
  missing(keys.to, to, toIds);
  return { fromIds, toIds, owner, target, names };
}

function missing(key: KeyProperty, values: readonly unknown[], ids: readonly string[]): void {
  const absent = values.filter((_, at) => ids[at] === undefined);
  if (absent.length > 0) throw nodesNotFound(key, absent);
}

/** The parameters bound to sensitive properties: a sensitive key's list, the conditions' own. */
export function sensitiveKeys(
  keys: { readonly from: KeyProperty; readonly to: KeyProperty },
  conditions: KeyedConditions,
): string[] {
  return [
    ...(keys.from.property.sensitive ? ['from'] : []),
    ...(keys.to.property.sensitive ? ['to'] : []),
    ...conditions.sensitive(),
  ];
}

/** Keys that matched no node (a sensitive key's values shown as `***`). */
export function nodesNotFound(key: KeyProperty, values: readonly unknown[]): NodesNotFoundError {
  const shownValues = values.map((value) => (key.property.sensitive ? '***' : value));
  return new NodesNotFoundError(key.definition.name, key.property.name, shownValues);
}

/** A key that matched several nodes: the unique constraint is missing. */
export function severalNodes(key: KeyProperty, value: unknown): InvalidKeyError {
  return new InvalidKeyError(
    key.definition.name,
    `${key.property.name} ${shown(key, value)} matches several nodes. Install the unique constraint (graph.installSchema()) and repair the data.`,
  );
}

/** `Person email=a@example.com`: a node named by its key, for messages. */
export function keyedName(key: KeyProperty, value: unknown): string {
  return `${key.definition.name} ${key.property.name}=${shown(key, value)}`;
}

function shown(key: KeyProperty, value: unknown): string {
  return key.property.sensitive ? '***' : String(value);
}
