import type { MigrationFile } from '../files/migration-file';
import { compareVersions } from '../files/version';
import type { MigrationRecord } from '../history/migration-record';
import type { MigrationState, MigrationStatus } from '../types';

/**
 * Merges files and records by version into one status per migration, ordered by version. Pure.
 * A record without a file is `missing` (the database is ahead of the code), except a baseline,
 * which never needed one.
 */
export function computeStatus(
  files: readonly MigrationFile[],
  records: readonly MigrationRecord[],
): MigrationStatus[] {
  const recordOf = new Map(records.map((record) => [record.version, record]));
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
  return statuses.sort((a, b) => compareVersions(a.version, b.version));
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
