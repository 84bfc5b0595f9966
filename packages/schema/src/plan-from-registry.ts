import { type PlannedSchemaItem, planSchema, registry, type SchemaRegistry } from '@cartograph/core/internal';

/**
 * Every constraint and index the registered `@Node` and `@Rel` models imply (see `planSchema` in
 * `@cartograph/core` for what is planned and how it is named). Import your models first: the
 * registry only knows classes whose decorators have run.
 */
export function planFromRegistry(source: SchemaRegistry = registry): PlannedSchemaItem[] {
  return planSchema(source.nodes(), source.relationshipModels());
}
