import { MigrationError } from '../errors';
import type { MigrationFile } from '../files/migration-file';
import { compareVersions } from '../files/version';
import type { MigrationRecord } from '../history/migration-record';
import { computeStatus } from '../status/compute-status';

/**
 * The files `up` applies, in version order: pending ones, and failed ones (a fixed file is
 * retried), up to and including `to`. Pure.
 * @throws MigrationError `MIGRATION_CHECKSUM_MISMATCH` when an applied file was edited, since the
 *   graph no longer reflects what the files say.
 */
export function planUp(
  files: readonly MigrationFile[],
  records: readonly MigrationRecord[],
  options: { to?: string; outOfOrder?: boolean } = {},
): MigrationFile[] {
  const to = checkedVersion(options.to, 'to');
  const statuses = computeStatus(files, records);
  const modified = statuses.filter((status) => status.state === 'modified');
  if (modified.length > 0) {
    const list = modified.map((status) => `${status.version}_${status.name}`).join(', ');
    throw new MigrationError(
      'MIGRATION_CHECKSUM_MISMATCH',
      `Applied migrations were changed after they ran: ${list}. Revert the edits, or run repair to accept them, then run up again.`,
    );
  }
  const runnable = new Set(
    statuses
      .filter((status) => status.state === 'pending' || status.state === 'failed')
      .map((status) => status.version),
  );
  const plan = files.filter(
    (file) => runnable.has(file.version) && (to === undefined || compareVersions(file.version, to) <= 0),
  );
  // A pending file older than the newest applied migration (e.g. from a merged branch) runs after
  // migrations that were written without it: refused unless asked for, like Flyway's outOfOrder.
  const newest = records
    .filter((record) => record.state !== 'failed')
    .reduce<string | undefined>(
      (max, record) => (max === undefined || compareVersions(record.version, max) > 0 ? record.version : max),
      undefined,
    );
  const late = plan.filter(
    (file) =>
      newest !== undefined &&
      !file.conditional &&
      compareVersions(file.version, newest) < 0 &&
      !records.some((record) => record.version === file.version),
  );
  if (late.length > 0 && !options.outOfOrder) {
    throw new MigrationError(
      'MIGRATION_OUT_OF_ORDER',
      `Pending migrations are older than the newest applied one (${newest}): ${late.map((file) => `${file.version}_${file.name}`).join(', ')}. They would run after migrations written without them. Give them a newer version (rename the files), or pass outOfOrder (--out-of-order) to apply them anyway.`,
    );
  }
  return plan;
}

/** One migration `down` reverts. */
export interface DownStep {
  readonly file: MigrationFile;
  readonly record: MigrationRecord;
}

/**
 * The migrations `down` reverts, newest applied first: the last `steps` (default 1), or every one
 * with a version above `to`. Failed records are skipped. Everything is checked before anything
 * runs. Pure.
 * @throws MigrationError `MIGRATION_BELOW_BASELINE`, `MIGRATION_MISSING_FILE`,
 *   `MIGRATION_CHECKSUM_MISMATCH`, `MIGRATION_NO_DOWN` (`.cypher` without `.down.cypher`).
 */
export function planDown(
  files: readonly MigrationFile[],
  records: readonly MigrationRecord[],
  options: { steps?: number; to?: string; allowEmptyDown?: boolean } = {},
): DownStep[] {
  const to = checkedVersion(options.to, 'to');
  if (to !== undefined && options.steps !== undefined) {
    throw new MigrationError('MIGRATION_INVALID_ARGUMENT', 'Pass either steps or to to down, not both.');
  }
  const steps = options.steps ?? 1;
  if (!Number.isSafeInteger(steps) || steps < 0) {
    throw new MigrationError(
      'MIGRATION_INVALID_ARGUMENT',
      `steps must be a whole number of migrations, got ${String(options.steps)}.`,
    );
  }
  if (to !== undefined && !/^0+$/.test(to) && !records.some((record) => record.version === to)) {
    throw new MigrationError(
      'MIGRATION_INVALID_ARGUMENT',
      `No migration ${to} in the history, so there is nothing to revert down to. Pick an applied version from \`migrate status\` (or 0 to revert everything).`,
    );
  }
  // A migration that failed half-way is the newest thing that happened to the database: down
  // reverts it first (its down undoes the steps that committed), never the one before it.
  // (Its file must be there: a failed record without one is left alone, as before.)
  const newest = records.at(-1);
  const failedLast =
    newest?.state === 'failed' && files.some((file) => file.version === newest.version) ? [newest] : [];
  const done = [...failedLast, ...records.filter((record) => record.state !== 'failed').reverse()];
  const selected =
    to === undefined
      ? done.slice(0, steps)
      : done.filter((record) => compareVersions(record.version, to) > 0);
  const fileOf = new Map(files.map((file) => [file.version, file]));
  return selected.map((record) => {
    const id = `${record.version}_${record.name}`;
    const migration = { version: record.version, name: record.name };
    if (record.state === 'baseline') {
      throw new MigrationError(
        'MIGRATION_BELOW_BASELINE',
        `${id} is part of the baseline: Cartograph never applied it, so it cannot revert it. Ask down for fewer steps.`,
        { migration },
      );
    }
    const file = fileOf.get(record.version);
    if (!file) {
      throw new MigrationError(
        'MIGRATION_MISSING_FILE',
        `${id} is applied but its file is not in the migrations folder. Revert with the code that has the file (the database is ahead of this code).`,
        { migration },
      );
    }
    if (file.checksum !== record.checksum && record.state !== 'failed') {
      throw new MigrationError(
        'MIGRATION_CHECKSUM_MISMATCH',
        `${id} was changed after it was applied, so its down may not match what ran. Revert the edit, or run repair to accept it, then run down again.`,
        { migration },
      );
    }
    if (file.kind === 'cypher' && !file.hasDown) {
      throw new MigrationError(
        'MIGRATION_NO_DOWN',
        `${id} has no ${id}.down.cypher, so it cannot be reverted. Write one next to it (and run repair, since it changes the checksum).`,
        { migration },
      );
    }
    if (file.emptyDown && !options.allowEmptyDown) {
      throw new MigrationError(
        'MIGRATION_EMPTY_DOWN',
        `${id}.down.cypher has no statement, so reverting ${id} would change nothing in the database while removing it from the history. Write the statements that undo it (then run repair), or pass allowEmptyDown (--allow-empty-down) if it really has nothing to undo.`,
        { migration },
      );
    }
    return { file, record };
  });
}

function checkedVersion(version: string | undefined, option: string): string | undefined {
  if (version !== undefined && !/^\d+$/.test(version)) {
    throw new MigrationError(
      'MIGRATION_INVALID_ARGUMENT',
      `${option} must be a migration version (digits only), got "${version}".`,
    );
  }
  return version;
}
