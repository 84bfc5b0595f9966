import type { Graph } from '../graph/graph';
import { resolveGraph } from '../graph/resolve-graph';
import { checkedBatchSize } from '../mapping/batch-size';
import { sensitiveDbNames } from '../mapping/sensitive-keys';
import type { WriteOptions } from '../mapping/write-input';
import { KeyedConditions } from '../query/plugins/keyed-conditions';
import type { AnyClass } from '../registry/definitions';
import { relationshipModelOf } from '../relationship-model/relationship-entity';
import { checkBatch, countsNeeded, type IdPair } from './bulk-checks';
import { type BulkField, bulkField } from './bulk-ends';
import type { KeyProperty } from './bulk-keys';
import { type LockedEnds, lockEnds } from './bulk-locks';
import { mergeBatchByKey, mergesByKey } from './bulk-merge-by-key';
import { KeyList, type KeyPair, type PreparedPair, preparePairs } from './bulk-pairs';
import { vanishedNodes } from './bulk-vanished';

/** Options of `Model.relateMany`. */
export interface RelateManyOptions extends WriteOptions {
  /** Pairs per statement; default 10 000. All batches share one transaction. */
  batchSize?: number;
  /** Create a relationship even for a pair already related (as `connect`'s `parallel`); default the field's `allowParallel`. */
  parallel?: boolean;
}

/** Options of `Model.unrelateMany`. */
export interface UnrelateManyOptions {
  /** Pairs per statement; default 10 000. All batches share one transaction. */
  batchSize?: number;
}

/** What `relateMany` did. */
export interface RelateManySummary {
  /** Relationships created. */
  created: number;
  /** Pairs already related, left as they were (not counted with `parallel`). */
  existing: number;
  /** Pairs given more than once in the input, created once (not counted with `parallel`). */
  duplicates: number;
  /** Statements sent (one per batch). */
  batches: number;
}

/** What `unrelateMany` did. */
export interface UnrelateManySummary {
  /** Relationships deleted. */
  deleted: number;
  /** Pairs given more than once in the input. */
  duplicates: number;
  batches: number;
}

interface Keys {
  readonly from: KeyProperty;
  readonly to: KeyProperty;
  /** The plugins' conditions on both ends (owner at 0): only nodes a query would see are found. */
  readonly conditions: KeyedConditions;
}

/** See `NodeEntity.relateMany`. */
export async function relateMany(
  model: AnyClass,
  fieldName: string,
  input: Iterable<KeyPair>,
  options: RelateManyOptions = {},
): Promise<RelateManySummary> {
  const field = bulkField(model, fieldName);
  const batchSize = checkedBatchSize(options.batchSize);
  const parallel = options.parallel ?? field.definition.allowParallel;
  const { pairs, fromKey, toKey } = preparePairs(field, input, true, options);
  const summary: RelateManySummary = { created: 0, existing: 0, duplicates: 0, batches: 0 };
  if (!fromKey || !toKey) return summary;
  const keys = { from: fromKey, to: toKey, conditions: KeyedConditions.of([field.owner, field.target]) };
  const graph = resolveGraph();
  return graph.joinOrBeginWrite(async () => {
    // A retried transaction starts over, and so does what it reports.
    const result: RelateManySummary = { ...summary };
    for (let offset = 0; offset < pairs.length; offset += batchSize) {
      const batch = pairs.slice(offset, offset + batchSize);
      await relateBatch(graph, field, keys, batch, parallel, result);
      result.batches += 1;
    }
    return result;
  });
}

async function relateBatch(
  graph: Graph,
  field: BulkField,
  keys: Keys,
  batch: readonly PreparedPair[],
  parallel: boolean,
  summary: RelateManySummary,
): Promise<void> {
  const counts = countsNeeded(field, true);
  // Locks serve the counts of a cardinality check. Without one, MERGE keeps concurrent writers
  // from creating a pair twice and `parallel` wants duplicates anyway: no node is written to.
  const lock = counts.owner || counts.target;
  const queries = field.queries(keys.from, keys.to, counts, keys.conditions);
  const sensitive = sensitiveProps(field);
  if (mergesByKey(field, keys, lock, parallel)) {
    const merged = await mergeBatchByKey(graph, field, keys, queries, batch, sensitive);
    summary.created += merged.created;
    summary.existing += merged.existing;
    summary.duplicates += merged.duplicates;
    return;
  }
  const { ends, idPairs, from, to } = await locked(graph, keys, queries, batch, lock);
  const model = field.owner.name;
  const withProps = field.definition.model !== undefined;
  const paramsOf = (list: readonly IdPair[]) => idColumns(list, withProps);
  const run = async (cypher: string, list: readonly IdPair[]) => {
    const [created] = await graph.run({ cypher, params: paramsOf(list), sensitive, model }, 'WRITE', (r) =>
      Number(r.get('created')),
    );
    return created ?? 0;
  };
  // Unlocked, a node found by key may be deleted before the write: fail rather than skip its pairs.
  const reachedAll = async (reached: number, sent: number) => {
    if (reached < sent) throw await vanishedNodes(graph, keys, ends, from, to);
  };
  if (parallel) {
    checkBatch(field, ends, idPairs, true);
    const created = await run(queries.create, idPairs);
    if (!lock) await reachedAll(created, idPairs.length);
    summary.created += created;
    return;
  }
  const distinct = distinctPairs(field, idPairs);
  summary.duplicates += idPairs.length - distinct.length;
  if (!lock) {
    const outcome = await graph.runJoinedWithSummary(
      { cypher: queries.mergeMissing, params: paramsOf(distinct), sensitive, model },
      (r) => Number(r.get('reached')),
    );
    await reachedAll(outcome.rows[0] ?? 0, distinct.length);
    const created = outcome.summary.counters.updates().relationshipsCreated;
    summary.created += created;
    summary.existing += distinct.length - created;
    return;
  }
  const related = await pairCounts(graph, field, queries.pairCounts, distinct);
  const missing = distinct.filter((_, at) => !related[at]);
  summary.existing += distinct.length - missing.length;
  checkBatch(field, ends, missing, true);
  summary.created += await run(queries.create, missing);
}

/** See `NodeEntity.unrelateMany`. */
export async function unrelateMany(
  model: AnyClass,
  fieldName: string,
  input: Iterable<KeyPair>,
  options: UnrelateManyOptions = {},
): Promise<UnrelateManySummary> {
  const field = bulkField(model, fieldName);
  const batchSize = checkedBatchSize(options.batchSize);
  const { pairs, fromKey, toKey } = preparePairs(field, input, false, {});
  const summary: UnrelateManySummary = { deleted: 0, duplicates: 0, batches: 0 };
  if (!fromKey || !toKey) return summary;
  const keys = { from: fromKey, to: toKey, conditions: KeyedConditions.of([field.owner, field.target]) };
  const counts = countsNeeded(field, false);
  const graph = resolveGraph();
  return graph.joinOrBeginWrite(async () => {
    const result: UnrelateManySummary = { ...summary };
    for (let offset = 0; offset < pairs.length; offset += batchSize) {
      const batch = pairs.slice(offset, offset + batchSize);
      const queries = field.queries(keys.from, keys.to, counts, keys.conditions);
      const { ends, idPairs } = await locked(graph, keys, queries, batch);
      const distinct = distinctPairs(field, idPairs);
      result.duplicates += idPairs.length - distinct.length;
      if (counts.owner || counts.target) {
        const related = await pairCounts(graph, field, queries.pairCounts, distinct);
        const removals = distinct.map((p, at) => ({ ...p, change: related[at] ?? 0 }));
        checkBatch(
          field,
          ends,
          removals.filter((p) => p.change > 0),
          false,
        );
      }
      const query = { cypher: queries.delete, params: idColumns(distinct, false), model: field.owner.name };
      const [deleted] = await graph.run(query, 'WRITE', (r) => Number(r.get('deleted')));
      result.deleted += deleted ?? 0;
      result.batches += 1;
    }
    return result;
  });
}

/** Finds and (unless `lock` is false) locks the batch's nodes; pairs as element ids, the key lists. */
async function locked(
  graph: Graph,
  keys: Keys,
  queries: ReturnType<BulkField['queries']>,
  batch: readonly PreparedPair[],
  lock = true,
): Promise<{ ends: LockedEnds; idPairs: IdPair[]; from: readonly unknown[]; to: readonly unknown[] }> {
  const from = new KeyList();
  const to = new KeyList();
  const refs = batch.map((pair) => ({ pair, f: from.add(pair.from), t: to.add(pair.to) }));
  const ends = await lockEnds(graph, queries, keys, from.values, to.values, keys.conditions, lock);
  const idPairs = refs.map(({ pair, f, t }) => ({
    position: pair.position,
    a: ends.fromIds[f]!,
    b: ends.toIds[t]!,
    props: pair.props,
    change: 1,
  }));
  return { ends, idPairs, from: from.values, to: to.values };
}

/**
 * The parameters of a statement on pairs of element ids: the parallel lists `$a`, `$b` and (for a
 * field with a relationship model) `$props` it reads at index `i`.
 */
function idColumns(pairs: readonly IdPair[], withProps: boolean): Record<string, unknown[]> {
  const a = pairs.map((p) => p.a);
  const b = pairs.map((p) => p.b);
  return withProps ? { a, b, props: pairs.map((p) => p.props) } : { a, b };
}

/** How many relationships of the field join each pair, by the pair's position in `pairs`. */
async function pairCounts(graph: Graph, field: BulkField, cypher: string, pairs: readonly IdPair[]) {
  const counts = new Array<number>(pairs.length).fill(0);
  await graph.run({ cypher, params: idColumns(pairs, false), model: field.owner.name }, 'WRITE', (r) => {
    counts[Number(r.get('i'))] = Number(r.get('pair'));
  });
  return counts;
}

/**
 * The first occurrence of each pair of nodes, in input order. On an undirected field `(a, b)` and
 * `(b, a)` are the same pair, as `connect` sees them.
 */
function distinctPairs(field: BulkField, pairs: readonly IdPair[]): IdPair[] {
  const undirected = field.definition.direction === 'both';
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const id = undirected && p.b < p.a ? `${p.b}\u0000${p.a}` : pairId(p);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function pairId(pair: IdPair): string {
  return `${pair.a}\u0000${pair.b}`;
}

/** Stored names of the relationship model's sensitive properties (masked in logs and errors). */
export function sensitiveProps(field: BulkField): readonly string[] | undefined {
  return field.definition.model
    ? sensitiveDbNames(relationshipModelOf(field.definition.model).properties)
    : undefined;
}
