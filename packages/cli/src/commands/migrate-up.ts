import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';
import { LOCK_TIMEOUT_OPTION, printRun, withMigrator } from './migrate-shared';

interface MigrateUpOptions {
  to?: string;
  dryRun?: boolean;
  outOfOrder?: boolean;
  lockTimeout?: number;
  json?: boolean;
}

/** `cartograph migrate up`: applies pending migrations in version order. */
export function registerMigrateUp(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('up')
    .description('Apply pending migrations in version order (each in its own transaction where Neo4j allows)')
    .option('--to <version>', 'stop after this version')
    .option('--dry-run', 'print what would run, with the Cypher of .cypher migrations, without running it')
    .option(
      '--out-of-order',
      'also apply pending migrations older than the newest applied one (refused by default)',
    )
    .option(...LOCK_TIMEOUT_OPTION)
    .option(...JSON_OPTION)
    .action(
      action<MigrateUpOptions>(
        runtime,
        async (ctx, { options }) => {
          const result = await withMigrator(
            ctx,
            (migrator) =>
              migrator.up({
                to: options.to,
                dryRun: options.dryRun === true,
                outOfOrder: options.outOfOrder === true,
              }),
            {
              lockTimeoutMs: options.lockTimeout,
            },
          );
          ctx.output.data(result);
          printRun(ctx.output, result);
          return undefined;
        },
        ExitCode.Migration,
      ),
    );
}
