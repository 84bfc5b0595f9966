import type { MigrationFile } from '../files/migration-file';
import { compareVersions } from '../files/version';
import type { MigrationRecord } from '../history/migration-record';
import type { StepProgress } from '../history/read-progress';
import type { RepeatableRecord } from '../history/repeatable-records';
import type { MigrationState, MigrationStatus } from '../types';
import { summariseProgress } from './progress-summary';

/**
 * Merges files and records by version into one status per migration, ordered by version. Pure.
 * A record without a file is `missing` (the database is ahead of the code), except a baseline,
 * which never needed one.
 */
export function computeStatus(
  files: readonly MigrationFile[],
  records: readonly MigrationRecord[],
  progress: readonly StepProgress[] = [],
): MigrationStatus[] {
  const statuses: MigrationStatus[] = [];
  for (const status of merge(files, records)) {
    const summary = summariseProgress(progress.filter((step) => step.version === status.version));
    if (!summary) statuses.push(status);
    else {
      const started = summary.rows > 0 || summary.steps.some((step) => step.done);
      const state = status.state === 'pending' && started ? 'partial' : status.state;
      statuses.push({ ...status, state, progress: summary });
    }
  }
  return statuses.sort((a, b) => compareVersions(a.version, b.version));
}

/** A file and its record matched by key; either may be missing. */
interface Pairing<R> {
  readonly file?: MigrationFile;
  readonly record?: R;
}

/** Files and records matched by `key`: files in their order, then records no file claims. */
function pairUp<R>(
  files: readonly MigrationFile[],
  records: readonly R[],
  fileKey: (file: MigrationFile) => string,
  recordKey: (record: R) => string,
): Pairing<R>[] {
  const recordOf = new Map(records.map((record) => [recordKey(record), record]));
  const pairs: Pairing<R>[] = files.map((file) => {
    const record = recordOf.get(fileKey(file));
    recordOf.delete(fileKey(file));
    return { file, record };
  });
  for (const record of recordOf.values()) pairs.push({ record });
  return pairs;
}

/** What a history record says about a run, whatever its kind. */
function recordFields(record: MigrationRecord | RepeatableRecord) {
  return {
    ...(record.appliedAt ? { appliedAt: record.appliedAt } : {}),
    ...(record.durationMs !== undefined ? { durationMs: record.durationMs } : {}),
    ...(record.appliedBy ? { appliedBy: record.appliedBy } : {}),
    ...(record.checksum ? { checksum: record.checksum } : {}),
    ...(record.error ? { error: record.error } : {}),
  };
}

function pending(file: MigrationFile, extra: Partial<MigrationStatus> = {}): MigrationStatus {
  return {
    version: file.version,
    name: file.name,
    state: 'pending',
    ...extra,
    checksum: file.checksum,
    path: file.path,
  };
}

function merge(files: readonly MigrationFile[], records: readonly MigrationRecord[]): MigrationStatus[] {
  return pairUp(
    files,
    records,
    (file) => file.version,
    (record) => record.version,
  ).map(({ file, record }) => {
    if (!record) return pending(file!);
    const fromRecord = { version: record.version, name: record.name, ...recordFields(record) };
    if (!file) return { ...fromRecord, state: record.state === 'applied' ? 'missing' : record.state };
    const modified = record.state === 'applied' && record.checksum !== file.checksum;
    const state: MigrationState =
      record.state === 'applied' ? (modified ? 'modified' : 'applied') : record.state;
    return {
      ...fromRecord,
      state,
      name: file.name,
      path: file.path,
      ...(modified ? { fileChecksum: file.checksum } : {}),
    };
  });
}

/**
 * One status per repeatable migration (file or record), ordered by name. Pure. A changed file is
 * `outdated` (run again by `up`), never `modified`: repeatables are meant to change.
 */
export function computeRepeatableStatus(
  files: readonly MigrationFile[],
  records: readonly RepeatableRecord[],
): MigrationStatus[] {
  const statuses = pairUp(
    files,
    records,
    (file) => file.name,
    (record) => record.name,
  ).map(({ file, record }): MigrationStatus => {
    if (!record) return pending(file!, { repeatable: true });
    const fromRecord = {
      version: `R__${record.name}`,
      name: record.name,
      repeatable: true,
      ...recordFields(record),
    };
    if (!file) return { ...fromRecord, state: 'missing' };
    const changed = record.checksum !== file.checksum;
    const state: MigrationState = record.state === 'failed' ? 'failed' : changed ? 'outdated' : 'applied';
    return { ...fromRecord, state, path: file.path, ...(changed ? { fileChecksum: file.checksum } : {}) };
  });
  return statuses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
