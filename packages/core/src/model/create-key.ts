import { eq, fn, match, node, param, prop, query, render, returnClause, variable } from '@cartograph/cypher';
import type { CompiledQuery } from '../graph/graph';
import type { NodeDefinition } from '../registry/definitions';

/** A property value that identifies one node of a model: its `@UniqueIdProperty`, else a unique property. */
export interface CreateKey {
  readonly dbName: string;
  readonly value: unknown;
}

/**
 * The key a node being created carries of its own, if any: it lets a create whose COMMIT answer
 * was lost find out whether it applied (read by the key) instead of writing a second node.
 */
export function createKey(
  definition: NodeDefinition,
  stored: Record<string, unknown>,
): CreateKey | undefined {
  const candidates = [definition.identity, ...[...definition.properties.values()].filter((p) => p.unique)];
  for (const property of candidates) {
    if (!property) continue;
    const value = stored[property.dbName];
    if (value !== undefined && value !== null) return { dbName: property.dbName, value };
  }
  return undefined;
}

const n = variable('n');

/** The element id of the node of `definition` that carries `key`. */
export function findByKey(definition: NodeDefinition, key: CreateKey): CompiledQuery {
  const text = render(
    query(
      match(node(n, definition.labels), { where: eq(prop(n, key.dbName), param(undefined, 'value')) }),
      returnClause([{ expr: fn('elementId', [n]), alias: 'id' }]),
    ),
  ).cypher;
  return { cypher: text, params: { value: key.value }, model: definition.name };
}
