import { readFile } from 'node:fs/promises';
import { MigrationError } from '../errors';
import { loadMigrations, loadRepeatables } from '../files/load-migrations';
import type { MigrationFile } from '../files/migration-file';
import type { RecordPayload } from '../history/migration-record';
import { readHistory } from '../history/read-history';
import { readRepeatableRecords, writeRepeatableRecord } from '../history/repeatable-records';
import { withRecord, writeRecord } from '../history/write-record';
import { computeRepeatableStatus, computeStatus } from '../status/compute-status';
import type { MigrationRunItem, MigrationRunResult } from '../types';
import { dryRunItem } from './dry-run';
import { executeMigration, MigrationStepFailure } from './execute-migration';
import { failureError, recordFailure, refusalOf } from './failure';
import { planUp } from './plan-run';
import { unmetPrecondition } from './preconditions';
import type { RunSettings } from './settings';
import { withLock } from './with-lock';

/**
 * Applies pending (and previously failed) migrations in version order under the lock. History is
 * read after the lock is taken, so a run that waited sees what the other run applied. The first
 * failure is recorded and stops the run; earlier migrations stay applied.
 */
export async function runUp(
  settings: RunSettings,
  options: { to?: string; dryRun?: boolean; outOfOrder?: boolean },
): Promise<MigrationRunResult> {
  const files = await loadMigrations(settings.dir);
  const repeatables = await loadRepeatables(settings.dir);
  // Repeatables run after every versioned migration, so not when up stops at `to`.
  const repeatablePlan = async () =>
    options.to === undefined ? planRepeatables(repeatables, await readRepeatableRecords(settings.graph)) : [];
  if (options.dryRun) {
    const plan = planUp(files, await readHistory(settings.graph), options);
    return {
      direction: 'up',
      dryRun: true,
      migrations: await Promise.all(
        [...plan, ...(await repeatablePlan())].map((file) => dryRunItem(file, 'up')),
      ),
    };
  }
  return withLock(settings, async () => {
    let history = await readHistory(settings.graph);
    const plan = planUp(files, history, options);
    const ahead = computeStatus(files, history).filter((status) => status.state === 'missing');
    if (ahead.length > 0) {
      const list = ahead.map((status) => `${status.version}_${status.name}`).join(', ');
      settings.log(
        `The database has applied migrations this code has no file for (it is ahead of the code): ${list}.`,
      );
    }
    const again = await repeatablePlan();
    if (plan.length === 0 && again.length === 0)
      settings.log('Nothing to apply: the database is up to date.');
    const completed: MigrationRunItem[] = [];
    const skipped: { version: string; name: string; precondition: string }[] = [];
    for (const file of plan) {
      const id = `${file.version}_${file.name}`;
      if (file.kind === 'cypher') {
        const unmet = await unmetPrecondition(settings, file, await readFile(file.path, 'utf8'));
        if (unmet?.onFail === 'skip') {
          settings.log(`Skipping ${id}: its precondition "${unmet.text}" does not hold; it stays pending.`);
          skipped.push({ version: file.version, name: file.name, precondition: unmet.text });
          continue;
        }
        if (unmet) {
          throw new MigrationError(
            'MIGRATION_PRECONDITION_FAILED',
            `${id} was not run: its precondition "${unmet.text}" does not hold on this database. Nothing of it ran and nothing is recorded; earlier migrations stay applied.`,
            { migration: file, completed },
          );
        }
      }
      const payload = (durationMs: number, error: string | null): RecordPayload => ({
        version: file.version,
        name: file.name,
        kind: file.kind,
        checksum: file.checksum,
        state: error === null ? 'applied' : 'failed',
        durationMs,
        appliedBy: settings.appliedBy,
        error,
      });
      settings.log(`Applying ${id} ...`);
      try {
        const before = history;
        const run = await executeMigration({
          ...settings,
          file,
          direction: 'up',
          finish: (execute, durationMs) => writeRecord(execute, payload(durationMs, null), before),
        });
        history = withRecord(history, payload(run.durationMs, null));
        completed.push(item(file, run));
        settings.log(`Applied ${id} in ${run.durationMs} ms.`);
      } catch (error) {
        const refusal = refusalOf(error, file, completed);
        if (refusal) throw refusal;
        const failed = await recordFailure(
          settings,
          error,
          (durationMs, message) => payload(durationMs, message),
          history,
        );
        throw failureError(file, 'up', error, completed, failed);
      }
    }
    for (const file of again) {
      const payload = (durationMs: number, error: string | null) => ({
        name: file.name,
        kind: file.kind,
        checksum: file.checksum,
        state: error === null ? ('applied' as const) : ('failed' as const),
        durationMs,
        appliedBy: settings.appliedBy,
        error,
      });
      settings.log(`Running repeatable ${file.version} ...`);
      try {
        const run = await executeMigration({
          ...settings,
          file,
          direction: 'up',
          finish: async (execute, durationMs) => {
            await writeRepeatableRecord(execute, payload(durationMs, null));
          },
        });
        completed.push(item(file, run));
        settings.log(`Ran repeatable ${file.version} in ${run.durationMs} ms.`);
      } catch (error) {
        const refusal = refusalOf(error, file, completed);
        if (refusal) throw refusal;
        const durationMs = error instanceof MigrationStepFailure ? error.durationMs : 0;
        const cause = error instanceof MigrationStepFailure ? error.error : error;
        const message = cause instanceof Error ? cause.message.split('\nQuery:\n')[0]! : String(cause);
        const recorded = await writeRepeatableRecord(
          (query) => settings.graph.writeTransaction((tx) => tx.run(query.cypher, query.params)),
          payload(durationMs, message),
        ).then(
          () => true,
          () => false,
        );
        throw failureError(file, 'up', error, completed, recorded);
      }
    }
    return {
      direction: 'up',
      dryRun: false,
      migrations: completed,
      ...(skipped.length > 0 ? { skipped } : {}),
    };
  });
}

function item(file: MigrationFile, run: { statements: string[]; durationMs: number }): MigrationRunItem {
  return {
    version: file.version,
    name: file.name,
    kind: file.kind,
    statements: run.statements,
    durationMs: run.durationMs,
  };
}

/** The repeatable migrations `up` runs: new, changed since they last ran, or failed last time. Pure. */
export function planRepeatables(
  files: readonly MigrationFile[],
  records: Parameters<typeof computeRepeatableStatus>[1],
): MigrationFile[] {
  const due = new Set(
    computeRepeatableStatus(files, records)
      .filter(
        (status) => status.state === 'pending' || status.state === 'outdated' || status.state === 'failed',
      )
      .map((status) => status.name),
  );
  return files.filter((file) => due.has(file.name));
}
