import { ImportFailedError, UniquePropertyError, ValidationError } from '../errors';
import type { LostCommitRecovery } from '../executor/lost-commit-recovery';
import type { Graph } from '../graph/graph';
import { resolveGraph } from '../graph/resolve-graph';
import { checkedBatchSize } from '../mapping/batch-size';
import type { ModelClass, PropertyKeys } from '../mapping/model-types';
import { sensitiveDbNames } from '../mapping/sensitive-keys';
import type { WriteOptions } from '../mapping/write-input';
import { keyScope } from '../query/plugins/hooks';
import type { NodeDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import { type KeyedRow, keyFields, type PreparedRow, prepare } from './batch-writes';
import { keyIsConstrained } from './import-constraint';
import { type ImportQueries, importQueries } from './import-queries';

/** Options of `Model.importMany`. */
export interface ImportOptions<T> extends WriteOptions {
  /** Rows per batch (one statement, one transaction each); default 10 000. */
  batchSize?: number;
  /**
   * Fields that identify a row's node, so a re-run skips rows already written; default the unique
   * fields (or `@UniqueIdProperty`) that every row of the first batch gives.
   */
  key?: PropertyKeys<T>[];
  /** Called after each committed batch (awaited, so a slow consumer slows the import instead of queuing). */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

/** What `importMany` reports after each batch. */
export interface ImportProgress {
  /** Batches committed so far. */
  readonly batches: number;
  /** Rows read from the source so far. */
  readonly rows: number;
  /** Nodes created so far. */
  readonly written: number;
  /** Rows skipped so far: their key was already stored, or given twice in one batch. */
  readonly skipped: number;
}

/** What `importMany` did. */
export interface ImportSummary {
  readonly written: number;
  readonly skipped: number;
  readonly batches: number;
}

type Source<R> = Iterable<R> | AsyncIterable<R>;

/**
 * See `NodeEntity.importMany`. Reads the source batch by batch (never more than one batch in
 * memory), validates each row of a batch, then writes the batch in one statement that creates
 * only rows whose key is not stored yet, in a transaction of its own.
 */
export async function importMany<T extends object>(
  model: ModelClass<T>,
  source: Source<object>,
  options: ImportOptions<T> = {},
): Promise<ImportSummary> {
  const definition = registry.node(model);
  const batchSize = checkedBatchSize(options.batchSize);
  const graph = resolveGraph();
  const sensitive = sensitiveDbNames(definition.properties);
  const summary = { written: 0, skipped: 0, batches: 0 };
  let read = 0;
  let keys: string[] | undefined;
  let queries: ImportQueries | undefined;
  let constrained = false;
  const failed = (error: unknown) =>
    new ImportFailedError(definition.name, { ...summary, failedBatch: summary.batches + 1 }, error);
  const write = async (unique: PreparedRow<T>[], size: number, rowsAfter: number) => {
    try {
      const written = constrained
        ? await createBatch(graph, queries!, keys!, unique, sensitive)
        : await writeBatch(graph, queries!, keys!, unique, sensitive);
      summary.written += written;
      summary.skipped += size - written;
      summary.batches += 1;
    } catch (error) {
      throw failed(error);
    }
    await options.onProgress?.({ ...summary, rows: rowsAfter });
  };
  // The batch being written: the next one is read and validated meanwhile (client work that would
  // otherwise leave the server idle), so at most two batches are held at once.
  let inFlight: Promise<void> | undefined;
  const landed = async () => {
    const writing = inFlight;
    inFlight = undefined;
    await writing;
  };
  const flush = async (batch: object[]) => {
    let unique: PreparedRow<T>[];
    try {
      // Which fields each row gave itself only matters for choosing the key, in the first batch.
      const prepared = keys
        ? await prepare<T>(definition, batch, false, options, read)
        : await prepare<T>(definition, batch, true, options, read);
      if (!keys) {
        keys = keyFields(definition, prepared as KeyedRow<T>[], options.key as string[] | undefined);
        // Plugins' match properties (the tenant) are part of the key: a row is "already written"
        // only when this tenant's node carries its key, never another tenant's.
        keys = [...keys, ...Object.keys(keyScope(definition)).filter((name) => !keys!.includes(name))];
        queries = importQueries(definition, keys);
        // Inside a caller's transaction a refused CREATE would abort it, so only the lookup is safe.
        constrained = !graph.hasActiveTransaction() && (await keyIsConstrained(graph, definition, keys));
      }
      unique = distinctByKey(definition, prepared, keys, read);
    } catch (error) {
      // The batch before this one commits (or fails) first, so the summary says what is stored.
      await landed();
      throw failed(error);
    }
    read += batch.length;
    await landed();
    inFlight = write(unique, batch.length, read);
    // Awaited by the next flush or at the end; marked handled now so that a failure while the next
    // batch is being validated is not reported as an unhandled rejection.
    inFlight.catch(() => undefined);
  };
  try {
    let batch: object[] = [];
    for await (const chunk of iterate(source)) {
      for (const row of chunk) {
        batch.push(row);
        if (batch.length === batchSize) {
          await flush(batch);
          batch = [];
        }
      }
    }
    if (batch.length > 0) await flush(batch);
    await landed();
  } catch (error) {
    // A source that throws while a batch is on its way: that batch settles first, and its own
    // failure (the earlier one) is the one reported.
    await landed();
    throw error;
  }
  return { ...summary };
}

/**
 * With a constraint on the key, a batch is first sent as its plain CREATE, in one auto-commit
 * statement: the constraint refuses the whole batch when one of its keys is stored, and only then
 * is the batch written again through the key lookup ({@link writeBatch}). A fresh import so skips
 * the lookup, which costs about a third of the CREATE; a re-run after a failure still skips the rows
 * already written. A lost reply is settled the same way: the CREATE is sent again, and if the first
 * one committed, the constraint refuses the second and the lookup finds every row stored.
 */
async function createBatch<T>(
  graph: Graph,
  queries: ImportQueries,
  keys: readonly string[],
  rows: readonly PreparedRow<T>[],
  sensitive: readonly string[] | undefined,
): Promise<number> {
  try {
    return await createRows(graph, queries, rows, sensitive, { autoCommit: true, idempotent: true });
  } catch (error) {
    if (!(error instanceof UniquePropertyError)) throw error;
    return writeBatch(graph, queries, keys, rows, sensitive);
  }
}

/**
 * Reads which keys of the batch are stored, then creates the other rows, in one transaction. A
 * second run of it (a lost COMMIT reply) finds them stored and creates nothing, so it is retried.
 */
function writeBatch<T>(
  graph: Graph,
  queries: ImportQueries,
  keys: readonly string[],
  rows: readonly PreparedRow<T>[],
  sensitive: readonly string[] | undefined,
): Promise<number> {
  const keyMaps = rows.map((row) => Object.fromEntries(keys.map((name) => [name, row.create[name]])));
  return graph.joinOrBeginWrite(
    async () => {
      const found = await graph.run(
        { cypher: queries.stored, params: { keys: keyMaps }, sensitive, model: queries.model },
        'WRITE',
        (record) => Number(record.get('i')),
      );
      const stored = new Set(found);
      const fresh = stored.size === 0 ? rows : rows.filter((_, at) => !stored.has(at));
      if (fresh.length === 0) return 0;
      return createRows(graph, queries, fresh, sensitive);
    },
    { idempotent: true },
  );
}

/** The batch's CREATE statement (alone, or inside the lookup's transaction); the nodes written. */
async function createRows<T>(
  graph: Graph,
  queries: ImportQueries,
  rows: readonly PreparedRow<T>[],
  sensitive: readonly string[] | undefined,
  recovery?: LostCommitRecovery<number[]>,
): Promise<number> {
  const params = { rows: rows.map((row) => row.create) };
  const [written = 0] = await graph.run(
    { cypher: queries.create, params, sensitive, model: queries.model },
    'WRITE',
    (record) => Number(record.get('written')),
    {},
    recovery,
  );
  return written;
}

/** Arrays and other synchronous sources are read without an `await` per row. */
async function* iterate<R>(source: Source<R>): AsyncGenerator<R[], void> {
  if (Symbol.asyncIterator in source) {
    for await (const row of source) yield [row];
    return;
  }
  yield* chunks(source as Iterable<R>);
}

function* chunks<R>(source: Iterable<R>): Generator<R[], void> {
  let chunk: R[] = [];
  for (const row of source) {
    chunk.push(row);
    if (chunk.length === 1024) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * The rows of a batch with the first occurrence of each key (a later one would be skipped by the
 * statement anyway, or break the unique constraint).
 * @throws ValidationError for a row that does not give every key field
 */
function distinctByKey<T>(
  definition: NodeDefinition,
  prepared: readonly PreparedRow<T>[],
  keys: readonly string[],
  offset: number,
): PreparedRow<T>[] {
  const seen = new Set<string>();
  const unique: PreparedRow<T>[] = [];
  for (const [index, row] of prepared.entries()) {
    const values = keys.map((key) => row.create[key]);
    const missing = keys.filter((_, at) => values[at] === undefined || values[at] === null);
    if (missing.length > 0) {
      throw new ValidationError(
        definition.name,
        missing.map((key) => ({
          field: `[${offset + index}].${fieldName(definition, key)}`,
          message: 'is required: it is the key of the import',
          constraint: 'key',
        })),
      );
    }
    const id = values.map((value) => `${typeof value}:${String(value)}`).join('\u0000');
    if (seen.has(id)) continue;
    seen.add(id);
    unique.push(row);
  }
  return unique;
}

function fieldName(definition: NodeDefinition, dbName: string): string {
  return [...definition.properties.values()].find((p) => p.dbName === dbName)?.name ?? dbName;
}
