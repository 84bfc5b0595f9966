/**
 * `@cartograph/migrations`: versioned `.ts` and `.cypher` migrations for Neo4j, with bookkeeping,
 * a lock, rollback, baseline/validate/repair, batched refactoring helpers and a start-up check.
 *
 * @packageDocumentation
 */
export type {
  BatchOptions,
  BatchStatementOptions,
  EntityBatchOptions,
  MigrationContext,
} from './context/migration-context';
export { MIGRATION_ERROR_CATALOGUE } from './error-catalogue';
export { MigrationError, type MigrationErrorCode } from './errors';
export { migrationChecksum } from './files/checksum';
export { FILE_NAME_PATTERN, type ParsedFileName, parseFileName, slugify } from './files/file-name';
export { loadMigrations, loadRepeatables } from './files/load-migrations';
export type { MigrationModule } from './files/load-module';
export type { MigrationFile } from './files/migration-file';
export { splitCypher } from './files/split-cypher';
export { compareVersions, nextVersion, timestampVersion } from './files/version';
export { createMigrationFile, generateMigrationFile, generateTsMigrationFile } from './files/write-migration';
export { LOCK_LABEL, MIGRATION_LABEL, NEXT_TYPE, PROGRESS_LABEL } from './history/labels';
export { Migrator } from './migrator';
export type { ResetReport } from './run/maintenance';
export type { MigratorOptions } from './run/settings';
export { type StatementKind, statementKind } from './run/statement-kind';
export { assertMigrationsApplied, type StartupCheckOptions, type StartupCheckReport } from './startup-check';
export type {
  HeldLock,
  MigrationProgress,
  MigrationRunItem,
  MigrationRunResult,
  MigrationState,
  MigrationStatus,
  RepairReport,
  ValidationReport,
} from './types';
