/**
 * `@cartograph/schema`: the constraints and indexes the models imply, read back from Neo4j,
 * diffed, and applied.
 *
 * @packageDocumentation
 */

export type { PlannedSchemaItem } from '@cartograph/core/internal';
export { BOOKKEEPING_LABEL_PREFIX, isBookkeepingItem } from './bookkeeping';
export {
  type ActualSchema,
  type AdoptedSchemaItem,
  diffSchema,
  isInSync,
  type SchemaConflict,
  type SchemaDiff,
  type UnsupportedSchemaItem,
} from './diff-schema';
export { fromPlanned } from './from-planned';
export { planFromRegistry } from './plan-from-registry';
export { type DatabaseSchema, readDatabaseSchema } from './read-database-schema';
export {
  type LabelRename,
  type PropertyRename,
  parseLabelRename,
  parsePropertyRename,
  planRenames,
  type RenameCandidate,
  type RenamePlan,
  renameCandidates,
  renameHint,
} from './rename-plan';
export { createStatementFor, dropStatementFor } from './schema-commands';
export {
  type ConstraintType,
  describeSchemaItem,
  type IndexType,
  type SchemaItem,
  type SchemaItemType,
} from './schema-item';
export { type SchemaStatementOptions, schemaDownStatements, schemaStatements } from './schema-statements';
export { type SyncSchemaOptions, type SyncSchemaResult, syncSchema } from './sync-schema';
