import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';
import { withMigrator } from './migrate-shared';

/** `cartograph migrate unlock`: releases a lock left by a run that died. */
export function registerMigrateUnlock(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('unlock')
    .description('Release the migration lock left behind by a run that crashed (make sure none is running)')
    .option(...JSON_OPTION)
    .action(
      action<{ json?: boolean }>(
        runtime,
        async (ctx) => {
          const released = await withMigrator(ctx, (migrator) => migrator.releaseLock());
          ctx.output.data({ released });
          ctx.output.line(
            !released ? 'No lock was held.' : ctx.output.colors.green('Released the migration lock.'),
          );
          return undefined;
        },
        ExitCode.Migration,
      ),
    );
}
