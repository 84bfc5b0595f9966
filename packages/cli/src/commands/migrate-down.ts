import type { Command } from 'commander';
import { action, type CliRuntime, integerOption, JSON_OPTION } from '../runtime/action';
import { CliError, ExitCode } from '../runtime/exit-codes';
import { LOCK_TIMEOUT_OPTION, printRun, withMigrator } from './migrate-shared';

interface MigrateDownOptions {
  steps?: number;
  to?: string;
  dryRun?: boolean;
  allowEmptyDown?: boolean;
  lockTimeout?: number;
  json?: boolean;
}

/** `cartograph migrate down`: reverts applied migrations, newest first. */
export function registerMigrateDown(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('down')
    .description(
      'Revert applied migrations newest first, with their down() or .down.cypher (default: the last one)',
    )
    .option('--steps <n>', 'how many migrations to revert', integerOption(1))
    .option('--to <version>', 'revert every migration newer than this version (it stays applied)')
    .option('--dry-run', 'print what would run, with the Cypher of .cypher migrations, without running it')
    .option(
      '--allow-empty-down',
      'revert a .cypher migration whose .down.cypher has no statement (only its record is removed)',
    )
    .option(...LOCK_TIMEOUT_OPTION)
    .option(...JSON_OPTION)
    .action(
      action<MigrateDownOptions>(
        runtime,
        async (ctx, { options }) => {
          if (options.steps !== undefined && options.to !== undefined) {
            throw new CliError(ExitCode.Usage, 'Give --steps or --to, not both.');
          }
          const result = await withMigrator(
            ctx,
            (migrator) =>
              migrator.down({
                steps: options.steps,
                to: options.to,
                dryRun: options.dryRun === true,
                allowEmptyDown: options.allowEmptyDown === true,
              }),
            { lockTimeoutMs: options.lockTimeout },
          );
          ctx.output.data(result);
          printRun(ctx.output, result);
          return undefined;
        },
        ExitCode.Migration,
      ),
    );
}
