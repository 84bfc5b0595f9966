import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';
import { confirmed, withMigrator } from './migrate-shared';

/**
 * `cartograph migrate reset`: `clean` plus deleting every node and relationship (and with
 * `--schema`, every constraint and index), after a confirmation (or --yes).
 */
export function registerMigrateReset(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('reset')
    .description(
      'Start a development database over: forget the migration history and delete all data (with --schema, all constraints and indexes too). Asks first',
    )
    .option('--schema', 'also drop every constraint and index (except the migration bookkeeping ones)')
    .option('-y, --yes', 'do not ask (for CI and scripts; required when stdin is not a terminal)')
    .option(...JSON_OPTION)
    .action(
      action<{ schema?: boolean; yes?: boolean; json?: boolean }>(
        runtime,
        async (ctx, { options }) => {
          const what = options.schema
            ? 'every migration record, node, relationship, constraint and index'
            : 'every migration record, node and relationship (constraints and indexes stay)';
          if (!(await confirmed(ctx, options.yes, 'reset', `Delete ${what} on {target}?`)))
            return ExitCode.CheckFailed;
          const report = await withMigrator(ctx, (migrator) => migrator.reset({ schema: options.schema }));
          ctx.output.data({ ...report });
          ctx.output.line(
            ctx.output.colors.green(
              `Deleted ${report.records} migration record(s) and ${report.nodes} node(s)${options.schema ? `; dropped ${report.dropped.length} constraint(s) and index(es)` : '; constraints and indexes are unchanged'}. Run \`cartograph migrate up\` to rebuild.`,
            ),
          );
          return undefined;
        },
        ExitCode.Migration,
      ),
    );
}
