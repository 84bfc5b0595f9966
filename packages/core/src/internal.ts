/**
 * `@cartograph/core/internal`: what Cartograph's own packages (`@cartograph/schema`,
 * `@cartograph/migrations`, `@cartograph/cli`) need from core and applications do not: the model
 * registry, model definitions and the schema plan. No compatibility promise between versions;
 * import `@cartograph/core` in applications.
 *
 * @internal
 * @packageDocumentation
 */

export type { AccessMode, CompiledQuery, QueryRunner } from './executor/types';
export type {
  AnyClass,
  NodeDefinition,
  PropertyDefinition,
  RelationshipDefinition,
  RelationshipModelDefinition,
} from './registry/definitions';
export { registry, SchemaRegistry } from './registry/schema-registry';
export { sharedStore } from './registry/shared-store';
export { createCommandFor, type InstallSchemaResult } from './schema/install-schema';
export {
  type PlannedConstraint,
  type PlannedIndex,
  type PlannedSchemaItem,
  planSchema,
  schemaName,
} from './schema/schema-plan';
