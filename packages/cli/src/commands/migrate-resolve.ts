import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { CliError, ExitCode } from '../runtime/exit-codes';
import { withMigrator } from './migrate-shared';

interface MigrateResolveOptions {
  applied?: string;
  rolledBack?: string;
  json?: boolean;
}

/** `cartograph migrate resolve --applied V | --rolled-back V`: marks a migration without running it. */
export function registerMigrateResolve(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('resolve')
    .description(
      'Mark a migration as applied or rolled back without running it (after fixing the database by hand)',
    )
    .option('--applied <version>', 'record the migration as applied (a failed record is replaced)')
    .option('--rolled-back <version>', 'remove its record, so it is pending again (nothing is run)')
    .option(...JSON_OPTION)
    .action(
      action<MigrateResolveOptions>(
        runtime,
        async (ctx, { options }) => {
          if ((options.applied === undefined) === (options.rolledBack === undefined)) {
            throw new CliError(
              ExitCode.Usage,
              'Give exactly one of --applied <version> or --rolled-back <version>.',
            );
          }
          const version = (options.applied ?? options.rolledBack)!;
          if (!/^\d+$/.test(version)) {
            throw new CliError(ExitCode.Usage, `A migration version is digits only, got "${version}".`);
          }
          const as = options.applied !== undefined ? 'applied' : 'rolled-back';
          await withMigrator(ctx, (migrator) => migrator.resolve(version, as));
          ctx.output.data({ version, resolved: as });
          ctx.output.line(ctx.output.colors.green(`Marked ${version} as ${as}; nothing was run.`));
          return undefined;
        },
        ExitCode.Migration,
      ),
    );
}
