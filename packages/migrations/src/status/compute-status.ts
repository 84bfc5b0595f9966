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
  const recordOf = new Map(records.map((record) => [record.version, record]));
  const statuses: MigrationStatus[] = [];
  for (const status of merge(files, recordOf)) {
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

function merge(files: readonly MigrationFile[], recordOf: Map<string, MigrationRecord>): MigrationStatus[] {
  const statuses: MigrationStatus[] = [];
  for (const file of files) {
    const record = recordOf.get(file.version);
    recordOf.delete(file.version);
    if (!record) {
      statuses.push({
        version: file.version,
        name: file.name,
        state: 'pending',
        checksum: file.checksum,
        path: file.path,
      });
      continue;
    }
    const modified = record.state === 'applied' && record.checksum !== file.checksum;
    const state: MigrationState =
      record.state === 'applied' ? (modified ? 'modified' : 'applied') : record.state;
    statuses.push({
      ...fromRecord(record, state),
      name: file.name,
      path: file.path,
      ...(modified ? { fileChecksum: file.checksum } : {}),
    });
  }
  for (const record of recordOf.values()) {
    statuses.push(fromRecord(record, record.state === 'applied' ? 'missing' : record.state));
  }
  return statuses;
}

function fromRecord(record: MigrationRecord, state: MigrationState): MigrationStatus {
  return {
    version: record.version,
    name: record.name,
    state,
    ...(record.appliedAt ? { appliedAt: record.appliedAt } : {}),
    ...(record.durationMs !== undefined ? { durationMs: record.durationMs } : {}),
    ...(record.appliedBy ? { appliedBy: record.appliedBy } : {}),
    ...(record.checksum ? { checksum: record.checksum } : {}),
    ...(record.error ? { error: record.error } : {}),
  };
}

/**
 * One status per repeatable migration (file or record), ordered by name. Pure. A changed file is
 * `outdated` (run again by `up`), never `modified`: repeatables are meant to change.
 */
export function computeRepeatableStatus(
  files: readonly MigrationFile[],
  records: readonly RepeatableRecord[],
): MigrationStatus[] {
  const recordOf = new Map(records.map((record) => [record.name, record]));
  const statuses: MigrationStatus[] = [];
  const fromRepeatable = (record: RepeatableRecord, state: MigrationState): MigrationStatus => ({
    version: `R__${record.name}`,
    name: record.name,
    state,
    repeatable: true,
    ...(record.appliedAt ? { appliedAt: record.appliedAt } : {}),
    ...(record.durationMs !== undefined ? { durationMs: record.durationMs } : {}),
    ...(record.appliedBy ? { appliedBy: record.appliedBy } : {}),
    ...(record.checksum ? { checksum: record.checksum } : {}),
    ...(record.error ? { error: record.error } : {}),
  });
  for (const file of files) {
    const record = recordOf.get(file.name);
    recordOf.delete(file.name);
    if (!record) {
      statuses.push({
        version: file.version,
        name: file.name,
        state: 'pending',
        repeatable: true,
        checksum: file.checksum,
        path: file.path,
      });
      continue;
    }
    const changed = record.checksum !== file.checksum;
    const state: MigrationState = record.state === 'failed' ? 'failed' : changed ? 'outdated' : 'applied';
    statuses.push({
      ...fromRepeatable(record, state),
      path: file.path,
      ...(changed ? { fileChecksum: file.checksum } : {}),
    });
  }
  for (const record of recordOf.values()) statuses.push(fromRepeatable(record, 'missing'));
  return statuses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
