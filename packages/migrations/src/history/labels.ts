/** One node per applied (or failed, or baselined) migration. */
export const MIGRATION_LABEL = '__CartographMigration';
/** Links migration records in the order they were applied. */
export const NEXT_TYPE = '__NEXT';
/** The lock node; a uniqueness constraint on `id` makes creating it the lock operation. */
export const LOCK_LABEL = '__CartographMigrationLock';
/** The one lock id `up`, `down`, `baseline` and `repair` share. */
export const LOCK_ID = 'migrate';
/** Constraint names of the bookkeeping schema. */
export const VERSION_CONSTRAINT = 'cartograph_migration_version_unique';
export const LOCK_CONSTRAINT = 'cartograph_migration_lock_id_unique';
/**
 * One node per batched step of a migration run that has not finished: how many rows of it are
 * committed. Updated inside each batch's own transaction; removed with the run's record write.
 */
export const PROGRESS_LABEL = '__CartographMigrationProgress';
/** One node per repeatable migration (`R__<name>`) that ran: its name and last checksum. */
export const REPEATABLE_LABEL = '__CartographRepeatable';
