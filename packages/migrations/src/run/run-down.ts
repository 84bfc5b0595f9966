import { loadMigrations } from '../files/load-migrations';
import { loadMigrationModule, type MigrationModule } from '../files/load-module';
import { readHistory } from '../history/read-history';
import { removeRecord } from '../history/write-record';
import type { MigrationRunItem, MigrationRunResult } from '../types';
import { dryRunItem } from './dry-run';
import { executeMigration, noDown } from './execute-migration';
import { failureError, refusalOf } from './failure';
import { type DownStep, planDown } from './plan-run';
import type { RunSettings } from './settings';
import { withLock } from './with-lock';

/**
 * Reverts applied migrations newest first, each with its `down()` or `.down.cypher`, removing its
 * record in the same transaction as its last plain statements. Every migration to revert is
 * checked (file present, unchanged, has a down) before the first one runs.
 */
export async function runDown(
  settings: RunSettings,
  options: { steps?: number; to?: string; dryRun?: boolean; allowEmptyDown?: boolean },
): Promise<MigrationRunResult> {
  const files = await loadMigrations(settings.dir);
  if (options.dryRun) {
    const plan = planDown(files, await readHistory(settings.graph), options);
    return {
      direction: 'down',
      dryRun: true,
      migrations: await Promise.all(plan.map((step) => dryRunItem(step.file, 'down'))),
    };
  }
  return withLock(settings, async () => {
    let history = await readHistory(settings.graph);
    const plan = planDown(files, history, options);
    if (plan.length === 0) settings.log('Nothing to revert: no applied migrations.');
    const modules = loadDownModules(plan);
    const completed: MigrationRunItem[] = [];
    for (const { file } of plan) {
      const id = `${file.version}_${file.name}`;
      settings.log(`Reverting ${id} ...`);
      try {
        const before = history;
        const run = await executeMigration({
          ...settings,
          file,
          direction: 'down',
          module: modules.get(file.version),
          finish: (execute) => removeRecord(execute, file.version, before),
        });
        history = history.filter((record) => record.version !== file.version);
        completed.push({
          version: file.version,
          name: file.name,
          kind: file.kind,
          statements: run.statements,
          durationMs: run.durationMs,
        });
        settings.log(`Reverted ${id} in ${run.durationMs} ms.`);
      } catch (error) {
        throw refusalOf(error, file, completed) ?? failureError(file, 'down', error, completed, false);
      }
    }
    return { direction: 'down', dryRun: false, migrations: completed };
  });
}

/** Loads every `.ts` migration to revert and checks it exports `down`, before anything runs. */
function loadDownModules(plan: readonly DownStep[]): Map<string, MigrationModule> {
  const modules = new Map<string, MigrationModule>();
  for (const { file } of plan) {
    if (file.kind !== 'ts') continue;
    const module = loadMigrationModule(file);
    if (typeof module.down !== 'function') throw noDown(file);
    modules.set(file.version, module);
  }
  return modules;
}
