import { DateTime } from 'neo4j-driver';
import { nodeQueries } from '../model/node-queries';
import { type CartographPlugin, nodeCondition } from '../query/plugins/plugin';
import type { NodeDefinition } from '../registry/definitions';

/** Options of {@link softDelete}. */
export interface SoftDeleteOptions {
  /** Stored property holding the deletion time; default `deletedAt`. */
  readonly property?: string;
  /** The models it applies to; default: every model the plugin is registered for. */
  readonly models?: (definition: NodeDefinition) => boolean;
}

/**
 * Soft delete: `instance.delete()` stores the current time in `property` instead of deleting the
 * node, and every query (filters, traversals, `has()`, eager loading, counts, annotations) leaves
 * such nodes out. `Model.nodes.withDeleted()` includes them; `instance.delete({ hard: true })`
 * (or `hardDelete(instance)`) really deletes. A set's `delete()` marks its nodes the same way;
 * `delete({ hard: true })` deletes them.
 */
export function softDelete(options: SoftDeleteOptions = {}): CartographPlugin {
  const property = options.property ?? 'deletedAt';
  const notDeleted = nodeCondition.isNull(property);
  return Object.freeze({
    name: 'softDelete',
    appliesTo: options.models,
    transformNode: ({ options: queryOptions }) =>
      queryOptions.withDeleted === true ? undefined : notDeleted,
    transformDelete: ({ definition, elementId }) =>
      nodeQueries(definition).update(elementId, { [property]: DateTime.fromStandardDate(new Date()) }),
    transformBulkDelete: () => ({ [property]: DateTime.fromStandardDate(new Date()) }),
  } satisfies CartographPlugin);
}

/** Deletes the node for good, whatever plugins say (`DETACH DELETE`). */
export function hardDelete(instance: { delete(options: { hard: true }): Promise<void> }): Promise<void> {
  return instance.delete({ hard: true });
}
