import {
  countStar,
  deleteClause,
  eq,
  fn,
  match,
  node,
  param,
  query,
  render,
  returnClause,
  set,
  setMerge,
  unwind,
  variable,
} from '@cartograph/cypher';
import { type FieldError, ForbiddenPropertyNameError, ValidationError } from '../errors';
import { UnknownPropertyError } from '../errors/filter-errors';
import type { CompiledQuery } from '../graph/graph';
import { resolveGraph } from '../graph/resolve-graph';
import { checkedBatchSize } from '../mapping/batch-size';
import { sensitiveDbNames } from '../mapping/sensitive-keys';
import { isForbiddenKey } from '../mapping/write-input';
import type { NodeDefinition } from '../registry/definitions';
import { compileIds } from './compile-projections';
import { bulkDeleteReplacement } from './plugins/hooks';
import { lastStage, type NodeSetState } from './state';
import type { FieldKeys } from './types';

/** Options of bulk `update` / `delete`. */
export interface BulkOptions {
  /** Nodes written per transaction; default 10 000. */
  readonly batchSize?: number;
}

/** Options of a set's `delete()`. */
export interface BulkDeleteOptions extends BulkOptions {
  /** Delete for good even when a plugin (soft delete) replaces deletion with an update. */
  readonly hard?: boolean;
}

/** Values `update` accepts: model properties; null removes a property. */
export type UpdateValues<T> = { [K in FieldKeys<T>]?: T[K] | null };

const n = variable('n');
const id = variable('id');
const byId = eq(fn('elementId', [n]), id);

interface BulkQueries {
  readonly update: string;
  readonly delete: string;
}
const cache = new WeakMap<NodeDefinition, BulkQueries>();

function bulkQueries(definition: NodeDefinition): BulkQueries {
  let queries = cache.get(definition);
  if (!queries) {
    const head = [unwind(param(undefined, 'ids'), id), match(node(n, definition.labels), { where: byId })];
    const counted = returnClause([{ expr: countStar(), alias: 'count' }]);
    queries = {
      update: render(query(head, set([setMerge(n, param(undefined, 'changes'))]), counted)).cypher,
      delete: render(query(head, deleteClause(n, { detach: true }), counted)).cypher,
    };
    cache.set(definition, queries);
  }
  return queries;
}

/**
 * Validates and converts update values through the property types, so bulk writes store exactly
 * what `save()` would. @throws ValidationError listing every bad field; UnknownPropertyError.
 */
export function prepareChanges(
  definition: NodeDefinition,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (isForbiddenKey(name)) throw new ForbiddenPropertyNameError(definition.name, name);
    const property = definition.properties.get(definition.aliases.get(name) ?? name);
    if (!property)
      throw new UnknownPropertyError(definition.name, name, [...definition.properties.keys()], 'property');
    if (value === null || value === undefined) {
      if (property.required) errors.push({ field: name, message: 'is required', constraint: 'required' });
      else changes[property.dbName] = null;
      continue;
    }
    const messages = property.type.validate(value);
    for (const message of messages) errors.push({ field: name, message, constraint: 'type' });
    if (messages.length === 0 && property.choices && !property.choices.includes(value)) {
      errors.push({
        field: name,
        message: `must be one of ${property.choices.map((c) => JSON.stringify(c)).join(', ')}`,
        constraint: 'choices',
      });
    }
    if (messages.length === 0)
      changes[property.dbName] = property.type.deflate(value, { model: definition.name, field: name });
  }
  if (errors.length > 0) throw new ValidationError(definition.name, errors);
  return changes;
}

/**
 * Sets properties on every node of the set. The set is evaluated once (its element ids), then
 * written in batches of `batchSize`, each in its own transaction (or all in the active one), so
 * an update that changes what the filters match still touches exactly the original nodes.
 * Lifecycle hooks and class-validator rules are not run.
 */
export async function bulkUpdate(
  state: NodeSetState,
  values: Record<string, unknown>,
  options: BulkOptions = {},
): Promise<number> {
  const definition = lastStage(state).definition;
  const changes = prepareChanges(definition, values);
  if (Object.keys(changes).length === 0) return 0;
  const cypher = bulkQueries(definition).update;
  const sensitive = sensitiveDbNames(definition.properties);
  const model = definition.name;
  return inBatches(state, options, (ids) => ({ cypher, params: { ids, changes }, sensitive, model }));
}

/**
 * Deletes every node of the set and its relationships, in batches, or (a plugin such as soft
 * delete replacing deletion, and not `hard`) sets the plugin's properties instead. Lifecycle hooks
 * are not run.
 */
export async function bulkDelete(state: NodeSetState, options: BulkDeleteOptions = {}): Promise<number> {
  const definition = lastStage(state).definition;
  const replacement = options.hard ? undefined : bulkDeleteReplacement(definition);
  if (replacement) {
    const cypher = bulkQueries(definition).update;
    return inBatches(state, options, (ids) => ({
      cypher,
      params: { ids, changes: replacement },
      model: definition.name,
    }));
  }
  const cypher = bulkQueries(definition).delete;
  return inBatches(state, options, (ids) => ({ cypher, params: { ids }, model: definition.name }));
}

async function inBatches(
  state: NodeSetState,
  options: BulkOptions,
  batch: (ids: string[]) => CompiledQuery,
): Promise<number> {
  const size = checkedBatchSize(options.batchSize);
  const graph = resolveGraph(state.call);
  const ids = await graph.run(compileIds(state), 'READ', (record) => record.get(0) as string, state.call);
  let total = 0;
  for (let start = 0; start < ids.length; start += size) {
    const [count] = await graph.run(
      batch(ids.slice(start, start + size)),
      'WRITE',
      (record) => Number(record.get(0)),
      state.call,
    );
    total += count ?? 0;
  }
  return total;
}
