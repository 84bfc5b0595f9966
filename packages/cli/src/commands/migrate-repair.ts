import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';
import { withMigrator } from './migrate-shared';

interface MigrateRepairOptions {
  json?: boolean;
}

/** `cartograph migrate repair`: accepts intentional edits of applied files. */
export function registerMigrateRepair(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('repair')
    .description(
      'Accept intentional edits of applied migration files (records their new checksums) and clear failed records',
    )
    .option(...JSON_OPTION)
    .action(
      action<MigrateRepairOptions>(
        runtime,
        async (ctx) => {
          const report = await withMigrator(ctx, (migrator) => migrator.repair());
          ctx.output.data(report);
          const { green, dim, magenta } = ctx.output.colors;
          for (const u of report.updated) {
            ctx.output.line(
              `${green('updated')} ${u.version}_${u.name}: checksum ${u.oldChecksum.slice(0, 12)} -> ${u.newChecksum.slice(0, 12)}`,
            );
          }
          for (const version of report.removedFailed)
            ctx.output.line(`${green('cleared')} failed record of ${version} (pending again)`);
          for (const version of report.missing)
            ctx.output.line(magenta(`left as is: ${version} is applied but its file is missing`));
          if (report.updated.length === 0 && report.removedFailed.length === 0)
            ctx.output.line(dim('Nothing to repair.'));
          return undefined;
        },
        ExitCode.Migration,
      ),
    );
}
