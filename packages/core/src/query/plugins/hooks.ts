import type { CompiledQuery } from '../../graph/graph';
import type { NodeDefinition } from '../../registry/definitions';
import { pluginsFor, pluginsRegistered } from './registry';

/** The stored properties of a node being created, after every plugin's `transformCreate`. */
export function createProperties(
  definition: NodeDefinition,
  properties: Record<string, unknown>,
): Record<string, unknown> {
  if (!pluginsRegistered()) return properties;
  let result = properties;
  for (const plugin of pluginsFor(definition)) {
    if (plugin.transformCreate) result = plugin.transformCreate({ definition, properties: result });
  }
  return result;
}

/** The query a plugin runs instead of deleting the node, if one does. */
export function deleteReplacement(
  definition: NodeDefinition,
  elementId: string,
  instance: object,
): CompiledQuery | undefined {
  if (!pluginsRegistered()) return undefined;
  for (const plugin of pluginsFor(definition)) {
    const query = plugin.transformDelete?.({ definition, elementId, instance });
    if (query) return query;
  }
  return undefined;
}

/** The stored properties a set's `delete()` sets instead of deleting, if a plugin replaces it. */
export function bulkDeleteReplacement(definition: NodeDefinition): Record<string, unknown> | undefined {
  if (!pluginsRegistered()) return undefined;
  for (const plugin of pluginsFor(definition)) {
    const changes = plugin.transformBulkDelete?.({ definition });
    if (changes) return changes;
  }
  return undefined;
}

/** The stored properties keyed writes match on besides their key (every plugin's `transformKey`). */
export function keyScope(definition: NodeDefinition): Record<string, unknown> {
  if (!pluginsRegistered()) return {};
  let scope: Record<string, unknown> = {};
  for (const plugin of pluginsFor(definition)) {
    if (plugin.transformKey) scope = { ...scope, ...plugin.transformKey({ definition }) };
  }
  return scope;
}

/** Whether plugins change the queries of `definition` (relationship reads then go through NodeSet). */
export function hasPlugins(definition: NodeDefinition): boolean {
  return pluginsRegistered() && pluginsFor(definition).length > 0;
}
