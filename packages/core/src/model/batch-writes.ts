import type { Node as Neo4jNode } from 'neo4j-driver';
import { BatchMismatchError, type FieldError, MissingKeyError, ValidationError } from '../errors';
import { UnknownPropertyError } from '../errors/filter-errors';
import { Graph } from '../graph/graph';
import { resolveGraph } from '../graph/resolve-graph';
import { checkedBatchSize } from '../mapping/batch-size';
import { applyDefaults, deflateEntity } from '../mapping/deflate-entity';
import { setState } from '../mapping/entity-state';
import { hydrateNode, instantiate } from '../mapping/hydrate';
import type { ModelClass, PropertyKeys } from '../mapping/model-types';
import { sensitiveDbNames } from '../mapping/sensitive-keys';
import { validateEntity } from '../mapping/validate-entity';
import { assignInput, type WriteOptions } from '../mapping/write-input';
import { createProperties, keyScope } from '../query/plugins/hooks';
import type { NodeDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import { createManyText, mergeManyText } from './batch-queries';
import { createdBatchCheck } from './created-batch-check';
import { runHook } from './lifecycle-hooks';

/** Options of the batch operations. */
export interface BatchOptions extends WriteOptions {
  /** Rows sent per round trip; default 10 000. All batches share one transaction. */
  batchSize?: number;
}

/** Options of `getOrCreate` / `createOrUpdate`. */
export interface KeyedBatchOptions<T> extends BatchOptions {
  /** Fields that identify a node; default the unique (or unique-id) fields every row provides. */
  key?: PropertyKeys<T>[];
}

export interface PreparedRow<T> {
  readonly entity: T;
  /** Stored values with defaults, as written on creation. */
  readonly create: Record<string, unknown>;
}

/** A prepared row of a keyed write (`getOrCreate`, `createOrUpdate`, `merge`). */
export interface KeyedRow<T> extends PreparedRow<T> {
  /** Stored values of the fields the caller gave, as written on update. */
  readonly given: Record<string, unknown>;
}

/**
 * Builds, fills defaults, validates and deflates every row before anything is written; one
 * ValidationError lists every problem. Only keyed writes need to know which fields each row gave
 * itself, and `createMany` is spared that work (it is measurable on 100k rows).
 */
export async function prepare<T extends object>(
  definition: NodeDefinition,
  rows: readonly object[],
  keyed: true,
  options: WriteOptions,
  offset?: number,
): Promise<KeyedRow<T>[]>;
export async function prepare<T extends object>(
  definition: NodeDefinition,
  rows: readonly object[],
  keyed: false,
  options: WriteOptions,
  offset?: number,
): Promise<PreparedRow<T>[]>;
export async function prepare<T extends object>(
  definition: NodeDefinition,
  rows: readonly object[],
  keyed: boolean,
  options: WriteOptions,
  /** Position of `rows[0]` in the caller's input, so errors name the row (`importMany` batches). */
  offset = 0,
): Promise<PreparedRow<T>[]> {
  const errors: FieldError[] = [];
  const prepared: PreparedRow<T>[] = [];
  const hasPreSave = typeof (definition.target.prototype as { preSave?: unknown }).preSave === 'function';
  for (let index = 0; index < rows.length; index++) {
    const entity = instantiate(definition.target) as T;
    assignInput(definition, entity, rows[index], options);
    const givenFields = keyed ? givenDbNames(definition, entity) : undefined;
    applyDefaults(definition.properties, entity);
    if (hasPreSave) await runHook(entity, 'preSave');
    const rowErrors = validateEntity(definition.target, definition.properties, entity);
    for (const error of rowErrors) errors.push({ ...error, field: `[${offset + index}].${error.field}` });
    if (errors.length > 0) continue;
    const create = createProperties(
      definition,
      deflateEntity(definition.name, definition.properties, entity),
    );
    const row: PreparedRow<T> | KeyedRow<T> = givenFields
      ? { entity, create, given: pick(create, givenFields) }
      : { entity, create };
    prepared.push(row);
  }
  if (errors.length > 0) throw new ValidationError(definition.name, errors);
  return prepared;
}

/** Stored names of the fields a row sets itself (before defaults fill the rest). */
function givenDbNames(definition: NodeDefinition, entity: object): string[] {
  const values = entity as Record<string, unknown>;
  return [...definition.properties.values()]
    .filter((property) => values[property.name] !== undefined && values[property.name] !== null)
    .map((property) => property.dbName);
}

async function inBatches<T>(
  rows: readonly T[],
  batchSize: number | undefined,
  write: (batch: readonly T[], offset: number) => Promise<void>,
) {
  const size = checkedBatchSize(batchSize);
  for (let offset = 0; offset < rows.length; offset += size)
    await write(rows.slice(offset, offset + size), offset);
}

async function afterWrite(definition: NodeDefinition, entities: readonly object[], created: boolean) {
  const prototype = definition.target.prototype as { postCreate?: unknown; postSave?: unknown };
  if (typeof prototype.postCreate !== 'function' && typeof prototype.postSave !== 'function') return;
  for (const entity of entities) {
    if (created) await runHook(entity, 'postCreate');
    await runHook(entity, 'postSave');
  }
}

/**
 * See `NodeEntity.createMany`. Every row is checked before the first batch is sent (one
 * ValidationError lists them all), then all batches share one transaction. Preparing the next batch
 * while the previous one travels was tried and measured: no faster on two cores, where the server
 * needs the CPU the preparation would take.
 */
export async function createMany<T extends object>(
  model: ModelClass<T>,
  rows: readonly object[],
  options: BatchOptions = {},
): Promise<T[]> {
  const definition = registry.node(model);
  const batchSize = checkedBatchSize(options.batchSize);
  const graph = resolveGraph();
  const write = batchWriter<T>(graph, definition, createManyText(definition));
  const prepared = await prepare<T>(definition, rows, false, options);
  // With generated ids, a lost COMMIT reply is settled by reading them back (exactly once).
  await graph.joinOrBeginWrite(
    async () => {
      for (let offset = 0; offset < prepared.length; offset += batchSize) {
        await write(prepared.slice(offset, offset + batchSize));
      }
    },
    createdBatchCheck(graph, definition, prepared),
  );
  const entities = prepared.map((row) => row.entity);
  await afterWrite(definition, entities, true);
  return entities;
}

/** Sends one batch of prepared rows and gives each instance its new element id. */
function batchWriter<T extends object>(graph: Graph, definition: NodeDefinition, cypher: string) {
  const sensitive = sensitiveDbNames(definition.properties);
  return async (batch: readonly PreparedRow<T>[]): Promise<void> => {
    const params = { rows: batch.map((row) => row.create) };
    const [ids] = await graph.run(
      { cypher, params, sensitive, model: definition.name },
      'WRITE',
      (record) => record.get('ids') as string[],
    );
    if (!ids || ids.length !== batch.length) {
      throw new BatchMismatchError(ids?.length ?? 0, batch.length);
    }
    for (const [index, row] of batch.entries())
      setState(row.entity, { elementId: ids[index], snapshot: row.create });
  };
}

/** Stored names of the key fields: given ones, or the unique fields that every row provides. */
export function keyFields(
  definition: NodeDefinition,
  prepared: readonly KeyedRow<object>[],
  key: readonly string[] | undefined,
): string[] {
  if (key) {
    return key.map((field) => {
      const property = definition.properties.get(field);
      if (!property)
        throw new UnknownPropertyError(
          definition.name,
          field,
          [...definition.properties.keys()],
          'property',
          ' Name declared properties in `key`.',
        );
      return property.dbName;
    });
  }
  const candidates = [...definition.properties.values()].filter((p) => p.unique || p.isIdentity);
  const shared = candidates
    .filter((p) => prepared.every((row) => row.given[p.dbName] !== undefined))
    .map((p) => p.dbName);
  if (shared.length === 0) {
    throw new MissingKeyError(definition.name);
  }
  return shared.slice(0, 1);
}

async function mergeRows<T extends object>(
  model: ModelClass<T>,
  rows: readonly object[],
  options: KeyedBatchOptions<T>,
  update: boolean,
  keysOf: (definition: NodeDefinition, prepared: readonly KeyedRow<T>[]) => string[][],
): Promise<T[]> {
  const definition = registry.node(model);
  const prepared = await prepare<T>(definition, rows, true, options);
  const results: T[] = new Array(prepared.length);
  const keySets = keysOf(definition, prepared);
  const groups = new Map<string, number[]>();
  keySets.forEach((keys, position) => {
    const id = keys.join('\u0000');
    groups.set(id, [...(groups.get(id) ?? []), position]);
  });
  // Plugins' match properties (the tenant) join every key, so a keyed write finds only nodes the
  // plugins' queries would return.
  const scope = keyScope(definition);
  const scopeKeys = Object.keys(scope);
  const graph = resolveGraph();
  const sensitive = sensitiveDbNames(definition.properties);
  await graph.joinOrBeginWrite(
    async () => {
      for (const positions of groups.values()) {
        const keys = keySets[positions[0]!]!;
        const cypher = mergeManyText(
          definition,
          [...keys, ...scopeKeys.filter((k) => !keys.includes(k))],
          update,
        );
        await inBatches(positions, options.batchSize, async (batch) => {
          const params = {
            rows: batch.map((position) => {
              const row = prepared[position]!;
              return { key: { ...pick(row.given, keys), ...scope }, create: row.create, update: row.given };
            }),
          };
          await graph.run({ cypher, params, sensitive, model: definition.name }, 'WRITE', (record) => {
            results[batch[Number(record.get('i'))]!] = hydrateNode<T>(
              definition,
              record.get('n') as Neo4jNode,
            );
          });
        });
      }
      // MERGE by key leaves the same nodes however often it runs, so a lost COMMIT reply is retried.
    },
    { idempotent: true },
  );
  return results;
}

function pick(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, values[key]]));
}

/** See `NodeEntity.getOrCreate`. */
export function getOrCreate<T extends object>(
  model: ModelClass<T>,
  rows: readonly object[],
  options: KeyedBatchOptions<T> = {},
): Promise<T[]> {
  return mergeRows(model, rows, options, false, (definition, prepared) => {
    const keys = keyFields(definition, prepared, options.key);
    return prepared.map(() => keys);
  });
}

/** See `NodeEntity.createOrUpdate`. */
export function createOrUpdate<T extends object>(
  model: ModelClass<T>,
  rows: readonly object[],
  options: KeyedBatchOptions<T> = {},
): Promise<T[]> {
  return mergeRows(model, rows, options, true, (definition, prepared) => {
    const keys = keyFields(definition, prepared, options.key);
    return prepared.map(() => keys);
  });
}

/** See `NodeEntity.merge`: every given property is part of the match. */
export function mergeMany<T extends object>(
  model: ModelClass<T>,
  rows: readonly object[],
  options: BatchOptions = {},
): Promise<T[]> {
  return mergeRows(model, rows, options, false, (_definition, prepared) =>
    prepared.map((row) => Object.keys(row.given).sort()),
  );
}
