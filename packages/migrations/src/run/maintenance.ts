import type { GraphTransaction } from '@cartograph/core';
import { MigrationError } from '../errors';
import { loadMigrations } from '../files/load-migrations';
import { compareVersions } from '../files/version';
import {
  LOCK_CONSTRAINT,
  LOCK_LABEL,
  MIGRATION_LABEL,
  PROGRESS_LABEL,
  REPEATABLE_LABEL,
  VERSION_CONSTRAINT,
} from '../history/labels';
import type { MigrationRecord, RecordPayload } from '../history/migration-record';
import { deleteAllProgressQuery } from '../history/progress-queries';
import { readHistory } from '../history/read-history';
import { patchRecordQuery } from '../history/record-queries';
import { type Execute, removeRecord, withRecord, writeRecord } from '../history/write-record';
import type { RepairReport } from '../types';
import type { RunSettings } from './settings';
import { withLock } from './with-lock';

const executeIn =
  (tx: GraphTransaction): Execute =>
  (query) =>
    tx.run(query.cypher, query.params);

/**
 * Adopts an existing database: records every migration file up to and including `version` as
 * `baseline` (present, never run by Cartograph), plus a marker for `version` itself when no file
 * has it. Later files are pending as usual. On a database with history, it baselines the files
 * after the newest record, up to `version` (changes another tool or a hand-run script applied).
 * @throws MigrationError `MIGRATION_BASELINE_NOT_EMPTY` when `version` is not newer than every
 *   record, or a failed record is still there.
 */
export async function runBaseline(settings: RunSettings, version: string): Promise<void> {
  if (!/^\d+$/.test(version)) {
    throw new MigrationError(
      'MIGRATION_INVALID_ARGUMENT',
      `baseline needs a migration version (digits only), got "${version}".`,
    );
  }
  const files = await loadMigrations(settings.dir);
  await withLock(settings, async () => {
    const existing = await readHistory(settings.graph);
    const newest = existing.reduce<MigrationRecord | undefined>(
      (max, record) => (max && compareVersions(max.version, record.version) >= 0 ? max : record),
      undefined,
    );
    if (newest && compareVersions(version, newest.version) <= 0) {
      throw new MigrationError(
        'MIGRATION_BASELINE_NOT_EMPTY',
        `This database already has migration records up to ${newest.version}; a baseline must be newer than all of them. ` +
          'To mark an older migration as applied without running it, use `migrate resolve --applied <version>`.',
      );
    }
    const failed = existing.find((record) => record.state === 'failed');
    if (failed) {
      throw new MigrationError(
        'MIGRATION_BASELINE_NOT_EMPTY',
        `Migration ${failed.version} is recorded as failed; fix it (down, resolve or repair) before baselining past it.`,
      );
    }
    const payload = (
      fields: Pick<RecordPayload, 'version' | 'name' | 'kind' | 'checksum'>,
    ): RecordPayload => ({
      ...fields,
      state: 'baseline',
      durationMs: 0,
      appliedBy: settings.appliedBy,
      error: null,
    });
    const payloads = files
      .filter((file) => compareVersions(file.version, version) <= 0)
      .filter((file) => !newest || compareVersions(file.version, newest.version) > 0)
      .map((file) =>
        payload({ version: file.version, name: file.name, kind: file.kind, checksum: file.checksum }),
      );
    if (!files.some((file) => compareVersions(file.version, version) === 0))
      payloads.push(payload({ version, name: 'baseline', kind: 'baseline', checksum: null }));
    await settings.graph.writeTransaction(async (tx) => {
      let history: MigrationRecord[] = existing;
      for (const record of payloads) {
        await writeRecord(executeIn(tx), record, history);
        history = withRecord(history, record);
      }
    });
    settings.log(`Baselined ${payloads.length} migration(s) up to ${version}.`);
  });
}

/**
 * Accepts the files as they are: records the current checksum (and name) of every applied or
 * baselined migration whose file changed, removes failed records so they are pending again, and
 * forgets the batch progress of interrupted runs (after their rows were undone by hand).
 * Says what it changed; missing files are reported, not touched.
 */
export async function runRepair(settings: RunSettings): Promise<RepairReport> {
  const files = await loadMigrations(settings.dir);
  return withLock(settings, async () => {
    let history = await readHistory(settings.graph);
    const fileOf = new Map(files.map((file) => [file.version, file]));
    const report: RepairReport = { updated: [], removedFailed: [], missing: [], clearedProgress: [] };
    await settings.graph.writeTransaction(async (tx) => {
      for (const record of [...history]) {
        const file = fileOf.get(record.version);
        if (record.state === 'failed') {
          await removeRecord(executeIn(tx), record.version, history);
          history = history.filter((other) => other.version !== record.version);
          report.removedFailed.push(record.version);
        } else if (!file) {
          if (record.kind !== 'baseline') report.missing.push(record.version);
        } else if (file.checksum !== record.checksum || file.name !== record.name) {
          await executeIn(tx)(patchRecordQuery(record.version, { checksum: file.checksum, name: file.name }));
          report.updated.push({
            version: record.version,
            name: file.name,
            oldChecksum: record.checksum ?? '',
            newChecksum: file.checksum,
          });
        }
      }
      // Progress only exists for runs that never finished; forgetting it makes them start over.
      const forget = deleteAllProgressQuery();
      const cleared = await tx.run(forget.cypher, forget.params);
      report.clearedProgress.push(...cleared.map((row) => String(row.version)));
    });
    for (const change of report.updated)
      settings.log(
        `Repaired ${change.version}_${change.name}: checksum ${change.oldChecksum.slice(0, 12)} -> ${change.newChecksum.slice(0, 12)}.`,
      );
    for (const version of report.removedFailed)
      settings.log(`Removed the failed record of ${version}; it is pending again.`);
    for (const version of report.clearedProgress)
      settings.log(
        `Forgot the batch progress of the interrupted run of ${version}; its batched steps start over.`,
      );
    for (const version of report.missing)
      settings.log(`${version} is applied but its file is missing; left as it is.`);
    return report;
  });
}

/**
 * Marks a migration without running anything (like `prisma migrate resolve` or Flyway's/
 * Liquibase's changelog sync): `applied` records the file as applied (replacing a failed record:
 * the changes were made by hand); `rolled-back` removes its record (a failed or applied migration
 * whose changes were undone by hand), so it is pending again.
 * @throws MigrationError `MIGRATION_CANNOT_RESOLVE` when the migration is already in that state or
 *   there is no file / no record for it.
 */
export async function runResolve(
  settings: RunSettings,
  version: string,
  as: 'applied' | 'rolled-back',
): Promise<void> {
  const files = await loadMigrations(settings.dir);
  await withLock(settings, async () => {
    let history = await readHistory(settings.graph);
    const record = history.find((entry) => entry.version === version);
    const file = files.find((entry) => entry.version === version);
    if (as === 'rolled-back') {
      if (!record) {
        throw new MigrationError(
          'MIGRATION_CANNOT_RESOLVE',
          `${version} has no record in the history: there is nothing to mark as rolled back.`,
        );
      }
      await settings.graph.writeTransaction((tx) => removeRecord(executeIn(tx), version, history));
      settings.log(
        `Marked ${version}_${record.name} as rolled back (record removed, nothing run); it is pending again.`,
      );
      return;
    }
    if (!file) {
      throw new MigrationError(
        'MIGRATION_CANNOT_RESOLVE',
        `There is no migration file with version ${version} in ${settings.dir}; only a file can be marked as applied.`,
      );
    }
    if (record && record.state !== 'failed') {
      throw new MigrationError(
        'MIGRATION_CANNOT_RESOLVE',
        `${version}_${file.name} is already recorded as ${record.state}.`,
        { migration: file },
      );
    }
    await settings.graph.writeTransaction(async (tx) => {
      if (record) {
        await removeRecord(executeIn(tx), version, history);
        history = history.filter((entry) => entry.version !== version);
      }
      await writeRecord(
        executeIn(tx),
        {
          version,
          name: file.name,
          kind: file.kind,
          checksum: file.checksum,
          state: 'applied',
          durationMs: 0,
          appliedBy: settings.appliedBy,
          error: null,
        },
        history,
      );
    });
    settings.log(`Marked ${version}_${file.name} as applied without running it.`);
  });
}

/**
 * Forgets the whole migration history (like neo4j-migrations' `clean`): deletes every migration
 * record and all batch progress, under the lock. The data, constraints and indexes the migrations
 * made stay; the next `up` runs every file again, so use it on development databases (or
 * `baseline` afterwards). Returns how many records it deleted.
 */
export async function runClean(settings: RunSettings): Promise<number> {
  return withLock(settings, async () => {
    const deleted = await cleanRecords(settings);
    settings.log(`Deleted ${deleted} migration record(s); the data and schema are unchanged.`);
    return deleted;
  });
}

/** Deletes every migration record, repeatable record and batch progress; returns the record count. */
async function cleanRecords(settings: RunSettings): Promise<number> {
  const rows = await settings.graph.writeTransaction((tx) =>
    tx.run(
      `OPTIONAL MATCH (m:${MIGRATION_LABEL}) WITH collect(m) AS records
       OPTIONAL MATCH (p:${PROGRESS_LABEL}) WITH records, collect(p) AS progress
       OPTIONAL MATCH (r:${REPEATABLE_LABEL}) WITH records, progress, collect(r) AS repeatables
       FOREACH (n IN records + progress + repeatables | DETACH DELETE n)
       RETURN size(records) AS deleted`,
    ),
  );
  return Number(rows[0]?.deleted ?? 0);
}

/** What {@link runReset} removed. */
export interface ResetReport {
  /** Migration records deleted (like `clean`). */
  readonly records: number;
  /** Nodes deleted (with their relationships); the migration lock is kept until the end. */
  readonly nodes: number;
  /** With `schema`: the constraints and indexes dropped (the bookkeeping ones and token lookup indexes stay). */
  readonly dropped: string[];
}

/**
 * Starts the database over, for development and test databases: forgets the migration history
 * (`clean`), deletes every node and relationship in batches, and with `schema` drops every
 * constraint and index except the bookkeeping ones and the token lookup indexes. Under the lock.
 */
export async function runReset(
  settings: RunSettings,
  options: { schema?: boolean } = {},
): Promise<ResetReport> {
  return withLock(settings, async () => {
    const { graph } = settings;
    const records = await cleanRecords(settings);
    let nodes = 0;
    for (;;) {
      const rows = await graph.writeTransaction((tx) =>
        tx.run(
          `MATCH (n) WHERE NOT n:${LOCK_LABEL} WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted`,
        ),
      );
      const deleted = Number(rows[0]?.deleted ?? 0);
      nodes += deleted;
      if (deleted === 0) break;
    }
    const dropped: string[] = [];
    if (options.schema) {
      const keep = new Set<string>([VERSION_CONSTRAINT, LOCK_CONSTRAINT]);
      const constraints = await graph.cypher('SHOW CONSTRAINTS YIELD name RETURN name', {}, { mode: 'READ' });
      const constraintNames = constraints.map((row) => String(row.name));
      for (const name of constraintNames.filter((name) => !keep.has(name))) {
        await graph.cypher(`DROP CONSTRAINT ${quoteName(name)} IF EXISTS`);
        dropped.push(name);
      }
      // Indexes that back constraints went with them (and the kept constraints keep theirs).
      const indexes = await graph.cypher(
        "SHOW INDEXES YIELD name, type, owningConstraint WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name",
        {},
        { mode: 'READ' },
      );
      for (const name of indexes.map((row) => String(row.name))) {
        await graph.cypher(`DROP INDEX ${quoteName(name)} IF EXISTS`);
        dropped.push(name);
      }
    }
    settings.log(
      `Reset: deleted ${records} migration record(s) and ${nodes} node(s)${options.schema ? `, dropped ${dropped.length} constraint(s) and index(es)` : ''}.`,
    );
    return { records, nodes, dropped };
  });
}

function quoteName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}
