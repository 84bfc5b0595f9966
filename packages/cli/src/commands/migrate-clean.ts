import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';
import { confirmed, withMigrator } from './migrate-shared';

/** `cartograph migrate clean`: forgets the migration history, after a confirmation (or --yes). */
export function registerMigrateClean(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('clean')
    .description(
      'Forget the whole migration history (records and batch progress); data and schema stay. Asks first',
    )
    .option('-y, --yes', 'do not ask (for CI and scripts; required when stdin is not a terminal)')
    .option(...JSON_OPTION)
    .action(
      action<{ yes?: boolean; json?: boolean }>(
        runtime,
        async (ctx, { options }) => {
          if (
            !(await confirmed(
              ctx,
              options.yes,
              'clean',
              'Delete every migration record on {target}? The next up runs every file again.',
            ))
          )
            return ExitCode.CheckFailed;
          const deleted = await withMigrator(ctx, (migrator) => migrator.clean());
          ctx.output.data({ deleted });
          ctx.output.line(
            ctx.output.colors.green(`Deleted ${deleted} migration record(s); data and schema are unchanged.`),
          );
          return undefined;
        },
        ExitCode.Migration,
      ),
    );
}
