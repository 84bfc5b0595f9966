import { CartographError } from '@cartograph/core';
import type { MigrationRunItem } from './types';

/** Stable codes of {@link MigrationError}; match on these, not on messages. */
export type MigrationErrorCode =
  /** Another run holds the migration lock and did not release it within `lockTimeoutMs`. */
  | 'MIGRATION_LOCKED'
  /** A migration threw or Neo4j rejected one of its statements; it is recorded as failed. */
  | 'MIGRATION_FAILED'
  /** An applied migration's file changed after it was applied. */
  | 'MIGRATION_CHECKSUM_MISMATCH'
  /** `down` was asked to revert a migration that has no `down()` / `.down.cypher`. */
  | 'MIGRATION_NO_DOWN'
  /** `down` would run a `.down.cypher` with no statement (pass `allowEmptyDown` to accept that). */
  | 'MIGRATION_EMPTY_DOWN'
  /** `down` was asked to revert a migration whose file is not in the folder. */
  | 'MIGRATION_MISSING_FILE'
  /** `down` would have to revert a migration that was baselined, never applied. */
  | 'MIGRATION_BELOW_BASELINE'
  /** `baseline` at a version not newer than the history, or over a failed record. */
  | 'MIGRATION_BASELINE_NOT_EMPTY'
  /** A file in the migrations folder is misnamed, unreadable, or does not export `up`. */
  | 'MIGRATION_INVALID_FILE'
  /** Two files share a version. */
  | 'MIGRATION_DUPLICATE_VERSION'
  /** Start-up check (strict): migrations are pending. */
  | 'MIGRATION_PENDING'
  /** Start-up check (strict): the database has migrations the code does not know. */
  | 'MIGRATION_DATABASE_AHEAD'
  /** `generate` was given no statements. */
  | 'MIGRATION_NOTHING_TO_GENERATE'
  /**
   * `up`/`down` found a batched step that an earlier, interrupted run had partly committed, and
   * the step is not marked resumable: running it again would apply those batches twice.
   */
  | 'MIGRATION_PARTIALLY_APPLIED'
  /** `up` found pending files older than the newest applied migration (see `outOfOrder`). */
  | 'MIGRATION_OUT_OF_ORDER'
  /** A `// @precondition fail ...` of a migration does not hold; nothing of it ran. */
  | 'MIGRATION_PRECONDITION_FAILED'
  /** `resolve` was asked to mark a migration in a state it cannot be marked from. */
  | 'MIGRATION_CANNOT_RESOLVE'
  /** A helper or option got a value it cannot work with. */
  | 'MIGRATION_INVALID_ARGUMENT';

/** Every error `@cartograph/migrations` raises; the message says what to do next. */
export class MigrationError extends CartographError {
  declare readonly code: MigrationErrorCode;
  /** The migration concerned, when there is one. */
  readonly migration: { version: string; name: string } | undefined;
  /** `MIGRATION_FAILED` from a run: the migrations that completed before the failure. */
  readonly completed: readonly MigrationRunItem[];

  constructor(
    code: MigrationErrorCode,
    message: string,
    options: {
      cause?: unknown;
      migration?: { version: string; name: string };
      completed?: readonly MigrationRunItem[];
    } = {},
  ) {
    super(code, message, { cause: options.cause });
    this.migration =
      options.migration === undefined
        ? undefined
        : { version: options.migration.version, name: options.migration.name };
    this.completed = options.completed ?? [];
  }
}
