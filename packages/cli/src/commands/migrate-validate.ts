import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';
import { printHeldLock, withMigrator } from './migrate-shared';

interface MigrateValidateOptions {
  strict?: boolean;
  json?: boolean;
}

/** `cartograph migrate validate`: the CI check that files and the graph's history agree. */
export function registerMigrateValidate(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('validate')
    .description('Check that the migration files and the graph agree; exit code 1 when they do not (for CI)')
    .option('--strict', 'pending migrations count as a disagreement too')
    .option(...JSON_OPTION)
    .action(
      action<MigrateValidateOptions>(runtime, async (ctx, { options }) => {
        const report = await withMigrator(ctx, (migrator) =>
          migrator.validate({ allowPending: !options.strict }),
        );
        ctx.output.data(report);
        printHeldLock(ctx.output, report.lock);
        const { green, red, yellow } = ctx.output.colors;
        if (report.ok) {
          ctx.output.line(green('Valid: the migration files and the graph agree.'));
          if (report.pending.length > 0)
            ctx.output.line(yellow(`${report.pending.length} pending (allowed; --strict refuses them).`));
          return undefined;
        }
        ctx.output.line(red(`Invalid: ${report.problems.length} problem(s).`));
        for (const problem of report.problems) ctx.output.line(`  ${red('-')} ${problem}`);
        return ExitCode.CheckFailed;
      }),
    );
}
