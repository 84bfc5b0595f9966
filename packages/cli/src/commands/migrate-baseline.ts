import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';
import { withMigrator } from './migrate-shared';

/** `cartograph migrate baseline <version>`: adopts an existing database. */
export function registerMigrateBaseline(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('baseline')
    .description(
      'Adopt an existing database: record every migration up to <version> as present without running it',
    )
    .argument('<version>', 'the newest version the database already reflects')
    .option(...JSON_OPTION)
    .action(
      action<{ json?: boolean }>(
        runtime,
        async (ctx, { args }) => {
          const version = args[0]!;
          await withMigrator(ctx, (migrator) => migrator.baseline(version));
          ctx.output.data({ baseline: version });
          ctx.output.line(
            ctx.output.colors.green(
              `Baselined at ${version}: later migrations will run with \`migrate up\`.`,
            ),
          );
          return undefined;
        },
        ExitCode.Migration,
      ),
    );
}
