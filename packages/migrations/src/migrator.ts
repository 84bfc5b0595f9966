import type { Graph } from '@cartograph/core';
import { MigrationError } from './errors';
import { loadMigrations, loadRepeatables } from './files/load-migrations';
import { createMigrationFile, generateMigrationFile, generateTsMigrationFile } from './files/write-migration';
import { deleteLock, readHeldLock } from './history/lock';
import { readHistory } from './history/read-history';
import { readProgress } from './history/read-progress';
import { readRepeatableRecords } from './history/repeatable-records';
import { type ResetReport, runBaseline, runClean, runRepair, runReset, runResolve } from './run/maintenance';
import { runDown } from './run/run-down';
import { runUp } from './run/run-up';
import { type MigratorOptions, type RunSettings, resolveSettings } from './run/settings';
import { computeRepeatableStatus, computeStatus } from './status/compute-status';
import { problemsOf } from './status/problems';
import type { HeldLock, MigrationRunResult, MigrationStatus, RepairReport, ValidationReport } from './types';

/**
 * Applies, reverts and checks the migrations in one folder against one graph. Bookkeeping lives
 * in the graph (`:__CartographMigration` nodes chained by `[:__NEXT]`); `up`, `down`, `baseline`
 * and `repair` hold the migration lock while they work, so concurrent runs never overlap.
 */
export class Migrator {
  readonly #settings: RunSettings;

  constructor(graph: Graph, options: MigratorOptions) {
    this.#settings = resolveSettings(graph, options);
  }

  /**
   * Every migration, from files and records, ordered by version; then the repeatable ones
   * (`repeatable: true`), ordered by name. Takes no lock.
   */
  async status(): Promise<MigrationStatus[]> {
    const files = await loadMigrations(this.#settings.dir);
    const repeatables = await loadRepeatables(this.#settings.dir);
    const { graph } = this.#settings;
    return [
      ...computeStatus(files, await readHistory(graph), await readProgress(graph)),
      ...computeRepeatableStatus(repeatables, await readRepeatableRecords(graph)),
    ];
  }

  /**
   * The migration lock, when a run holds it: its holder and age. A lock much older than your
   * longest migration is probably left by a crashed run; release it with `releaseLock()`.
   */
  heldLock(): Promise<HeldLock | undefined> {
    return readHeldLock(this.#settings.graph);
  }

  /**
   * Applies pending migrations in version order (those up to `to` only), and retries failed
   * ones; then, without `to`, runs the repeatable migrations that are new or changed. With `dryRun`, returns what would run without running or locking anything.
   * @throws MigrationError `MIGRATION_FAILED` (earlier ones stay applied; see `completed`),
   *   `MIGRATION_CHECKSUM_MISMATCH`, `MIGRATION_LOCKED`, `MIGRATION_INVALID_FILE`.
   */
  up(options: { to?: string; dryRun?: boolean; outOfOrder?: boolean } = {}): Promise<MigrationRunResult> {
    return runUp(this.#settings, options);
  }

  /**
   * Reverts the last `steps` applied migrations (default 1), or all above version `to`, newest
   * first. With `dryRun`, returns what would run.
   * @throws MigrationError `MIGRATION_NO_DOWN`, `MIGRATION_MISSING_FILE`,
   *   `MIGRATION_BELOW_BASELINE`, `MIGRATION_CHECKSUM_MISMATCH`, `MIGRATION_FAILED`, `MIGRATION_LOCKED`,
   *   `MIGRATION_EMPTY_DOWN` (a `.down.cypher` without statements, unless `allowEmptyDown`),
   *   `MIGRATION_INVALID_ARGUMENT` (`to` names no migration in the history). The newest record, when
   *   it failed half-way, is reverted first.
   */
  down(
    options: { steps?: number; to?: string; dryRun?: boolean; allowEmptyDown?: boolean } = {},
  ): Promise<MigrationRunResult> {
    return runDown(this.#settings, options);
  }

  /**
   * Checks files against the graph for CI: modified applied files, missing files, failed
   * migrations and unreadable files are problems; pending ones too with `allowPending: false`.
   * Never throws for those; `ok` says whether all is well.
   */
  async validate(options: { allowPending?: boolean } = {}): Promise<ValidationReport> {
    let statuses: MigrationStatus[];
    try {
      statuses = await this.status();
    } catch (error) {
      if (error instanceof MigrationError)
        return { ok: false, problems: [error.message], pending: [], statuses: [] };
      throw error;
    }
    const problems = problemsOf(statuses, options);
    const pending = statuses.filter((status) => status.state === 'pending').map((status) => status.version);
    const lock = await this.heldLock();
    return { ok: problems.length === 0, problems, pending, statuses, ...(lock ? { lock } : {}) };
  }

  /**
   * Marks migration `version` as `applied` (its changes were made by hand) or `rolled-back`
   * (undone by hand: its record is removed) without running anything.
   * @throws MigrationError `MIGRATION_CANNOT_RESOLVE`.
   */
  resolve(version: string, as: 'applied' | 'rolled-back'): Promise<void> {
    return runResolve(this.#settings, version, as);
  }

  /**
   * Forgets the whole migration history (records and batch progress), under the lock; the data
   * and schema the migrations made stay. Returns how many records were deleted.
   */
  clean(): Promise<number> {
    return runClean(this.#settings);
  }

  /**
   * Starts a development database over: `clean`, then deletes every node and relationship, and
   * with `schema` drops every constraint and index (except the bookkeeping ones). Under the lock.
   */
  reset(options: { schema?: boolean } = {}): Promise<ResetReport> {
    return runReset(this.#settings, options);
  }

  /**
   * Marks an existing database as migrated up to `version` without running anything.
   * @throws MigrationError `MIGRATION_BASELINE_NOT_EMPTY` when there is history already.
   */
  baseline(version: string): Promise<void> {
    return runBaseline(this.#settings, version);
  }

  /** Records the current checksums of edited applied files and clears failed records. */
  repair(): Promise<RepairReport> {
    return runRepair(this.#settings);
  }

  /** Deletes the migration lock, e.g. after a crashed run; true when there was one. */
  releaseLock(): Promise<boolean> {
    return deleteLock(this.#settings.graph);
  }

  /** Writes an empty `.ts` (default) or `.cypher` migration; returns its path. */
  create(name: string, kind: 'ts' | 'cypher' = 'ts'): Promise<string> {
    return createMigrationFile(this.#settings.dir, name, kind);
  }

  /**
   * Writes a `.cypher` migration from statements, with a `.down.cypher` from `downStatements`
   * when there are any (e.g. `schemaStatements` / `schemaDownStatements` of a schema diff).
   */
  generate(name: string, statements: string[], downStatements: string[]): Promise<string> {
    return generateMigrationFile(this.#settings.dir, name, statements, downStatements);
  }

  /** Writes a `.ts` migration whose `up` and `down` run the given lines (`await ctx....;`). */
  generateTs(name: string, up: string[], down: string[]): Promise<string> {
    return generateTsMigrationFile(this.#settings.dir, name, up, down);
  }
}
