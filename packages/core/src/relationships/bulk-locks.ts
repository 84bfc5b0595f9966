import { InvalidKeyError, NodesNotFoundError } from '../errors';
import type { Graph } from '../graph/graph';
import { keyScope } from '../query/plugins/hooks';
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
 * Runs `lockEnds` for the batch's distinct keys. Every key must match exactly one node.
 * @throws NodesNotFoundError naming the keys that matched none; InvalidKeyError when one matched
 * several (the unique constraint is not installed)
 */
export async function lockEnds(
  graph: Graph,
  queries: BulkQueries,
  keys: { readonly from: KeyProperty; readonly to: KeyProperty },
  from: readonly unknown[],
  to: readonly unknown[],
): Promise<LockedEnds> {
  const sensitive = [
    ...(keys.from.property.sensitive ? ['from'] : []),
    ...(keys.to.property.sensitive ? ['to'] : []),
  ];
  const rows = await graph.run(
    {
      cypher: queries.lockEnds,
      params: { from, to, fromScope: keyScope(keys.from.definition), toScope: keyScope(keys.to.definition) },
      sensitive,
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
    if (ids[row.i] !== undefined && ids[row.i] !== row.id) {
      throw new InvalidKeyError(
        key.definition.name,
        `${key.property.name} ${shown(key, values[row.i])} matches several nodes. Install the unique constraint (graph.installSchema()) and repair the data.`,
      );
    }
    ids[row.i] = row.id;
    (row.side === 0 ? owner : target).set(row.id, row.side === 0 ? row.owner : row.target);
    names.set(row.id, `${key.definition.name} ${key.property.name}=${shown(key, values[row.i])}`);
  }
  missing(keys.from, from, fromIds);
  missing(keys.to, to, toIds);
  return { fromIds, toIds, owner, target, names };
}

function missing(key: KeyProperty, values: readonly unknown[], ids: readonly string[]): void {
  const absent: unknown[] = [];
  for (let at = 0; at < values.length; at++) {
    if (ids[at] === undefined) absent.push(key.property.sensitive ? '***' : values[at]);
  }
  if (absent.length > 0) throw new NodesNotFoundError(key.definition.name, key.property.name, absent);
}

function shown(key: KeyProperty, value: unknown): string {
  return key.property.sensitive ? '***' : String(value);
}
