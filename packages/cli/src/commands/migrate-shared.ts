import { createInterface } from 'node:readline/promises';
import type { Graph } from '@cartograph/core';
import {
  type HeldLock,
  type MigrationRunResult,
  type MigrationStatus,
  Migrator,
} from '@cartograph/migrations';
import { integerOption } from '../runtime/action';
import type { CommandContext } from '../runtime/context';
import { CliError, ExitCode } from '../runtime/exit-codes';
import type { Output } from '../runtime/output';
import { type Progress, startProgress } from '../runtime/progress';

/** Settings some commands take from their options. */
export interface MigratorSettings {
  /** How long to wait for another run's lock (`--lock-timeout`); default the Migrator's 60 s. */
  lockTimeoutMs?: number;
}

/** `--lock-timeout <ms>`, for the commands that take the migration lock. */
export const LOCK_TIMEOUT_OPTION = [
  '--lock-timeout <ms>',
  'how long to wait for another run holding the migration lock (default 60000)',
  integerOption(0),
] as const;

/**
 * Builds a Migrator for the configured folder: log lines on stderr, a progress bar for batched
 * work on a terminal, and who applied it from CARTOGRAPH_APPLIED_BY (else the Migrator's user@host).
 */
export function createMigrator(
  ctx: CommandContext,
  graph: Graph,
  options: MigratorSettings = {},
): { migrator: Migrator; done: () => void } {
  let progress: Progress | undefined;
  let current = '';
  const stop = () => {
    progress?.stop();
    progress = undefined;
  };
  const migrator = new Migrator(graph, {
    dir: ctx.config.migrationsDir,
    appliedBy: ctx.io.env.CARTOGRAPH_APPLIED_BY || undefined,
    lockTimeoutMs: options.lockTimeoutMs,
    log: (message: string) => {
      stop();
      // stderr, so it never mixes with the result (or the JSON document) on stdout.
      ctx.output.note(ctx.output.errColors.dim(message));
    },
    progress: (label: string, done: number, total: number) => {
      if (label !== current) stop();
      current = label;
      progress ??= startProgress(ctx.output, label, total);
      progress.update(done, total);
      if (done >= total) stop();
    },
  });
  return { migrator, done: stop };
}

/** Connects, runs `work` with a Migrator, and closes the connection. */
export function withMigrator<T>(
  ctx: CommandContext,
  work: (migrator: Migrator) => Promise<T>,
  options: MigratorSettings = {},
): Promise<T> {
  return ctx.withGraph(async (graph) => {
    const { migrator, done } = createMigrator(ctx, graph, options);
    try {
      return await work(migrator);
    } finally {
      done();
    }
  });
}

const STATE_COLOR: Record<MigrationStatus['state'], 'green' | 'yellow' | 'red' | 'magenta' | 'cyan'> = {
  applied: 'green',
  pending: 'yellow',
  partial: 'red',
  modified: 'red',
  missing: 'magenta',
  failed: 'red',
  baseline: 'cyan',
  outdated: 'yellow',
};

/** Statuses as an aligned table. */
export function printStatuses(output: Output, statuses: readonly MigrationStatus[]): void {
  if (statuses.length === 0) {
    output.line(output.colors.dim('No migrations: no files and no history.'));
    return;
  }
  const paint = (state: MigrationStatus['state']) => output.colors[STATE_COLOR[state]](state);
  output.table(
    ['version', 'name', 'state', 'applied at', 'duration', 'by'],
    statuses.map((s) => [
      s.repeatable ? 'R' : s.version,
      s.name,
      s.repeatable ? `repeatable: ${paint(s.state)}` : paint(s.state),
      s.appliedAt ? new Date(s.appliedAt).toISOString() : '',
      s.durationMs === undefined ? '' : `${Math.round(s.durationMs)} ms`,
      s.appliedBy ?? '',
    ]),
  );
  for (const s of statuses) {
    if (s.progress) output.line(output.colors.red(`${s.version}_${s.name}: ${s.progress.summary}.`));
  }
}

/** One line about a held migration lock: who holds it and for how long. */
export function printHeldLock(output: Output, lock: HeldLock | undefined): void {
  if (!lock) return;
  const since =
    lock.acquiredAt && lock.ageMs !== undefined
      ? ` since ${lock.acquiredAt.toISOString()} (${Math.floor(lock.ageMs / 60_000)} min ${Math.round((lock.ageMs % 60_000) / 1000)} s)`
      : '';
  output.line(
    output.colors.yellow(
      `The migration lock is held by ${lock.owner}${since}. If no run is going on, it was left by a crashed one: \`cartograph migrate unlock\`.`,
    ),
  );
}

/** What an `up` or `down` ran, or would run on a dry run (with its Cypher). */
export function printRun(output: Output, result: MigrationRunResult): void {
  const { green, yellow, dim, bold } = output.colors;
  if (result.migrations.length === 0) {
    printSkipped(output, result);
    output.line(
      green(
        result.direction === 'up' ? 'Nothing to apply: the database is up to date.' : 'Nothing to revert.',
      ),
    );
    return;
  }
  const verb = result.direction === 'up' ? 'apply' : 'revert';
  if (result.dryRun) {
    output.line(yellow(`Dry run: would ${verb} ${result.migrations.length} migration(s).`));
    for (const migration of result.migrations) {
      output.line();
      output.line(bold(`-- ${migration.version}_${migration.name} (${migration.kind})`));
      for (const statement of migration.statements) output.line(`${statement.trim().replace(/;\s*$/, '')};`);
      if (migration.note) output.line(dim(`-- ${migration.note}`));
    }
    return;
  }
  output.table(
    ['version', 'name', 'kind', 'duration'],
    result.migrations.map((m) => [
      m.version,
      m.name,
      m.kind,
      m.durationMs === undefined ? '' : `${Math.round(m.durationMs)} ms`,
    ]),
  );
  output.line(
    green(`${result.direction === 'up' ? 'Applied' : 'Reverted'} ${result.migrations.length} migration(s).`),
  );
  printSkipped(output, result);
}

/** Migrations `up` left pending because a `// @precondition skip` did not hold. */
function printSkipped(output: Output, result: MigrationRunResult): void {
  for (const skip of result.skipped ?? [])
    output.line(
      output.colors.yellow(
        `Skipped ${skip.version}_${skip.name}: "${skip.precondition}" does not hold; it stays pending.`,
      ),
    );
}

/**
 * Asks before a destructive command: true with `--yes`; on a terminal, true when the user types
 * "yes" (otherwise says "Nothing changed."); without a terminal, a usage error (exit 2) asking
 * for `--yes`. `{target}` in the question is the server (and database).
 */
export async function confirmed(
  ctx: CommandContext,
  yes: boolean | undefined,
  command: string,
  question: string,
): Promise<boolean> {
  if (yes) return true;
  const target = `${ctx.config.neo4j.uri}${ctx.config.neo4j.database ? ` (${ctx.config.neo4j.database})` : ''}`;
  if (!process.stdin.isTTY) {
    throw new CliError(
      ExitCode.Usage,
      `migrate ${command} changes ${target} destructively; not a terminal, so pass --yes to confirm.`,
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await prompt.question(`${question.replace('{target}', target)} Type "yes": `);
  prompt.close();
  if (answer.trim().toLowerCase() === 'yes') return true;
  ctx.output.line('Nothing changed.');
  return false;
}
