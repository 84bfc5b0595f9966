import type { MigrationErrorCode } from './errors';

/**
 * The codes of {@link MigrationError} with what each means, for the generated error table
 * (docs/errors.md). Typed on the code union, so a new code cannot be left out.
 */
export const MIGRATION_ERROR_CATALOGUE: Readonly<
  Record<MigrationErrorCode, { readonly className: 'MigrationError'; readonly when: string }>
> = {
  MIGRATION_LOCKED: {
    className: 'MigrationError',
    when: 'another run holds the migration lock past `lockTimeoutMs`; wait, or `migrate unlock` if it died',
  },
  MIGRATION_FAILED: {
    className: 'MigrationError',
    when: 'a migration threw or Neo4j rejected a statement; recorded as failed (`cause` says why)',
  },
  MIGRATION_CHECKSUM_MISMATCH: {
    className: 'MigrationError',
    when: "an applied migration's file changed; restore it or `migrate repair`",
  },
  MIGRATION_NO_DOWN: {
    className: 'MigrationError',
    when: '`down` reached a migration without `down()` / `.down.cypher`',
  },
  MIGRATION_EMPTY_DOWN: {
    className: 'MigrationError',
    when: '`down` reached a `.down.cypher` with no statement; write the undo, or pass `allowEmptyDown`',
  },
  MIGRATION_MISSING_FILE: {
    className: 'MigrationError',
    when: '`down` reached a migration whose file is gone',
  },
  MIGRATION_BELOW_BASELINE: {
    className: 'MigrationError',
    when: '`down` would revert a migration that was baselined, never applied',
  },
  MIGRATION_BASELINE_NOT_EMPTY: {
    className: 'MigrationError',
    when: '`baseline` on a database that already has migration history',
  },
  MIGRATION_INVALID_FILE: {
    className: 'MigrationError',
    when: 'a migration file is misnamed, unreadable, or does not export `up`',
  },
  MIGRATION_DUPLICATE_VERSION: { className: 'MigrationError', when: 'two migration files share a version' },
  MIGRATION_PENDING: { className: 'MigrationError', when: 'start-up check (strict): migrations are pending' },
  MIGRATION_DATABASE_AHEAD: {
    className: 'MigrationError',
    when: 'start-up check (strict): the database has migrations the code does not know',
  },
  MIGRATION_NOTHING_TO_GENERATE: { className: 'MigrationError', when: '`generate` was given no statements' },
  MIGRATION_PARTIALLY_APPLIED: {
    className: 'MigrationError',
    when: 'an interrupted run partly committed a batched step that is not marked resumable',
  },
  MIGRATION_OUT_OF_ORDER: {
    className: 'MigrationError',
    when: '`up` found pending files older than the newest applied migration; rename them, or pass `outOfOrder`',
  },
  MIGRATION_PRECONDITION_FAILED: {
    className: 'MigrationError',
    when: 'a `// @precondition fail` of a migration does not hold; nothing of it ran',
  },
  MIGRATION_CANNOT_RESOLVE: {
    className: 'MigrationError',
    when: '`migrate resolve`: the migration is already in that state, or has no file / no record',
  },
  MIGRATION_INVALID_ARGUMENT: {
    className: 'MigrationError',
    when: 'a helper or option got a value it cannot use',
  },
};
