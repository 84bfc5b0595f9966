/**
 * `@cartograph/core/internal`: what Cartograph's own packages (`@cartograph/schema`,
 * `@cartograph/migrations`, `@cartograph/cli`) need from core and applications do not: the model
 * registry, model definitions and the schema plan. No compatibility promise between versions;
 * import `@cartograph/core` in applications. (Nothing here carries the internal TSDoc tag: the build strips declarations
 * so tagged, and this entry's declarations are what sibling packages compile against.)
 *
 * @packageDocumentation
 */

export type { LostCommitRecovery } from './executor/lost-commit-recovery';
export type { AccessMode, CompiledQuery, QueryRunner } from './executor/types';
export { runCypher } from './graph/raw-cypher';
export { runAutoCommitted, runCompiled, runWithSummary } from './graph/sibling-access';
export { clearCachedRelation, getCachedRelation, setCachedRelation } from './query/relation-cache';
export { clearCompiledCache as clearCompiledQueryCache } from './query/text-cache';
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
