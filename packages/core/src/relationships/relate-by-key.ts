import type { Relationship as Neo4jRelationship } from 'neo4j-driver';
import { resolveGraph } from '../graph/resolve-graph';
import { KeyedConditions } from '../query/plugins/keyed-conditions';
import type { AnyClass } from '../registry/definitions';
import { hydrateRelationship, type RelationshipEntity } from '../relationship-model/relationship-entity';
import { countsNeeded } from './bulk-checks';
import { type BulkField, bulkField } from './bulk-ends';
import type { KeyProperty } from './bulk-keys';
import { keyedName, nodesNotFound, sensitiveKeys, severalNodes } from './bulk-locks';
import { preparePairs, relationshipProps } from './bulk-pairs';
import { type RelateManyOptions, sensitiveProps } from './bulk-relate';
import { connectResult, type PairEnds, type PairOutcome, readOutcome } from './pair-outcome';

interface KeyedOutcome {
  /** How many nodes each key matched (0 also when the node's key changed before its lock). */
  readonly fromFound: number;
  readonly toFound: number;
  /** What `keyedRelateQuery` returns; absent from `keyedMergeQuery`'s row. */
  readonly pair?: PairOutcome;
  /** The relationship `keyedMergeQuery` created or found (none when a key did not match one node). */
  readonly merged?: unknown;
}

/**
 * See `NodeEntity.relate`: one pair by key, as one statement that finds both ends, locks them,
 * checks both cardinalities under the locks and creates (see `keyedRelateQuery`); on a field with
 * no bound to check and no parallel relationships wanted, one statement that finds both ends and
 * MERGEs, writing no lock (see `keyedMergeQuery`). Outside a transaction it is one auto-commit
 * query, so one round trip. Returns the relationship (the existing one when the pair is already
 * related, unless `parallel`).
 */
export async function relate<R extends RelationshipEntity>(
  model: AnyClass,
  from: unknown,
  fieldName: string,
  to: unknown,
  properties: unknown,
  options: Omit<RelateManyOptions, 'batchSize'> = {},
): Promise<R> {
  const field = bulkField(model, fieldName);
  const parallel = options.parallel ?? field.definition.allowParallel ?? false;
  const { pairs, fromKey, toKey } = preparePairs(field, [{ from, to }], false, options);
  const props = relationshipProps(field, properties, options, undefined);
  const pair = pairs[0]!;
  const keys = { from: fromKey!, to: toKey! };
  const conditions = KeyedConditions.of([field.owner, field.target]);
  const counts = countsNeeded(field, true);
  const merges = !parallel && !counts.owner && !counts.target;
  const query = {
    cypher: field.relateQuery(keys.from, keys.to, conditions, merges),
    // The MERGE statement has no $parallel: it is taken only when parallel relationships are not wanted.
    params: { from: pair.from, to: pair.to, props, ...(merges ? {} : { parallel }), ...conditions.params() },
    sensitive: [...sensitiveKeys(keys, conditions), ...(sensitiveProps(field) ?? [])],
    model: field.owner.name,
  };
  // As connect: one statement, so a lost reply raises CommitOutcomeUnknownError (no blind re-run);
  // inside a transaction it joins it.
  const [row] = await resolveGraph().run(query, 'WRITE', readKeyedOutcome, {}, { autoCommit: true });
  if (!row) throw new Error(`Internal error: relate through ${field.definition.name} returned no row`);
  found(keys.from, pair.from, row.fromFound);
  found(keys.to, pair.to, row.toFound);
  if (row.pair)
    return connectResult<R>(field.definition, row.pair, parallel, () => pairEnds(field, keys, pair));
  const relationshipModel = field.definition.model as AnyClass | undefined;
  return hydrateRelationship<R>(relationshipModel, row.merged as Neo4jRelationship);
}

function readKeyedOutcome(record: { keys: readonly PropertyKey[]; get(key: string): unknown }): KeyedOutcome {
  const fromFound = Number(record.get('fromFound'));
  const toFound = Number(record.get('toFound'));
  if (record.keys.includes('merged')) {
    return { fromFound, toFound, merged: (record.get('merged') as unknown[])[0] };
  }
  return { fromFound, toFound, pair: readOutcome(record) };
}

/** @throws InvalidKeyError when the key matched several nodes, NodesNotFoundError when none */
function found(key: KeyProperty, value: unknown, count: number): void {
  if (count > 1) throw severalNodes(key, value);
  if (count === 0) throw nodesNotFound(key, [value]);
}

function pairEnds(
  field: BulkField,
  keys: { readonly from: KeyProperty; readonly to: KeyProperty },
  pair: { readonly from: unknown; readonly to: unknown },
): PairEnds {
  const owner = {
    model: field.owner.name,
    definition: field.definition,
    node: keyedName(keys.from, pair.from),
  };
  const reverse = field.reverse;
  const target = reverse
    ? { model: field.target.name, definition: reverse.definition, node: keyedName(keys.to, pair.to) }
    : undefined;
  return { owner, target };
}
