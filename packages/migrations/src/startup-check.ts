import type { Graph } from '@cartograph/core';
import { MigrationError } from './errors';
import { loadMigrations } from './files/load-migrations';
import { readHistory } from './history/read-history';
import { readProgress } from './history/read-progress';
import { computeStatus } from './status/compute-status';
import { problemsOf } from './status/problems';
import type { MigrationStatus } from './types';

/** Options of {@link assertMigrationsApplied}. */
export interface StartupCheckOptions {
  /** The migrations folder shipped with the application. */
  dir: string;
  /** Throw instead of warning when anything is off; default false. */
  strict?: boolean;
  /** Where warnings go when not strict; default `console.warn`. */
  log?: (line: string) => void;
}

/** What {@link assertMigrationsApplied} found. */
export interface StartupCheckReport {
  /** True when every file is applied (or baselined) and the database knows no other migration. */
  readonly ok: boolean;
  readonly pending: MigrationStatus[];
  /** Applied migrations the code has no file for: the database is ahead of the code. */
  readonly ahead: MigrationStatus[];
  readonly failed: MigrationStatus[];
  readonly modified: MigrationStatus[];
  /** One line per finding. */
  readonly messages: string[];
}

/**
 * For application start-up: compares the shipped migrations with the graph. A database that is
 * behind (pending) or ahead (after an application rollback) is reported and, unless `strict`,
 * does not stop the application. Read-only: takes no lock, creates nothing.
 * @throws MigrationError with `strict`: `MIGRATION_PENDING`, `MIGRATION_DATABASE_AHEAD`,
 *   `MIGRATION_FAILED` or `MIGRATION_CHECKSUM_MISMATCH`.
 */
export async function assertMigrationsApplied(
  graph: Graph,
  options: StartupCheckOptions,
): Promise<StartupCheckReport> {
  const statuses = computeStatus(
    await loadMigrations(options.dir),
    await readHistory(graph),
    await readProgress(graph),
  );
  const only = (state: MigrationStatus['state']) => statuses.filter((status) => status.state === state);
  const report: StartupCheckReport = {
    ok: false,
    // An interrupted migration is not applied either; the messages say it was interrupted.
    pending: [...only('pending'), ...only('partial')],
    ahead: only('missing'),
    failed: only('failed'),
    modified: only('modified'),
    messages: problemsOf(statuses, { allowPending: false }),
  };
  const ok = report.messages.length === 0;
  if (ok) return { ...report, ok };
  if (options.strict) {
    const code =
      report.pending.length > 0
        ? 'MIGRATION_PENDING'
        : report.ahead.length > 0
          ? 'MIGRATION_DATABASE_AHEAD'
          : report.failed.length > 0
            ? 'MIGRATION_FAILED'
            : 'MIGRATION_CHECKSUM_MISMATCH';
    throw new MigrationError(
      code,
      `The database does not match this application's migrations:\n${report.messages.join('\n')}`,
    );
  }
  const log = options.log ?? ((line: string) => console.warn(line));
  for (const message of report.messages) log(`cartograph migrations: ${message}`);
  return report;
}
