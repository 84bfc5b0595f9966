import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { CliError, ExitCode } from '../runtime/exit-codes';
import { withMigrator } from './migrate-shared';

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
          const target = `${ctx.config.neo4j.uri}${ctx.config.neo4j.database ? ` (${ctx.config.neo4j.database})` : ''}`;
          if (!options.yes) {
            if (!process.stdin.isTTY) {
              throw new CliError(
                ExitCode.Usage,
                `migrate clean deletes every migration record on ${target}; not a terminal, so pass --yes to confirm.`,
              );
            }
            const prompt = createInterface({ input: process.stdin, output: process.stderr });
            const answer = await prompt.question(
              `Delete every migration record on ${target}? The next up runs every file again. Type "yes": `,
            );
            prompt.close();
            if (answer.trim().toLowerCase() !== 'yes') {
              ctx.output.line('Nothing deleted.');
              return ExitCode.CheckFailed;
            }
          }
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
