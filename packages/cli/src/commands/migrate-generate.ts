import path from 'node:path';
import {
  diffSchema,
  planFromRegistry,
  readDatabaseSchema,
  schemaDownStatements,
  schemaStatements,
} from '@cartograph/schema';
import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { CliError, ExitCode } from '../runtime/exit-codes';
import { createMigrator } from './migrate-shared';
import { printStatements } from './schema-output';

interface MigrateGenerateOptions {
  drop?: boolean;
  json?: boolean;
}

/**
 * `cartograph migrate generate <name>`: a .cypher migration from the schema diff, with a
 * .down.cypher that inverts it (drops what it creates, recreates what it drops).
 */
export function registerMigrateGenerate(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('generate')
    .description(
      'Write a .cypher migration (and its .down.cypher) that brings the database schema to the models',
    )
    .argument('<name>', 'what the migration does, e.g. "index person names"')
    .option('--drop', 'also drop constraints and indexes no model declares, and replace conflicting ones')
    .option(...JSON_OPTION)
    .action(
      action<MigrateGenerateOptions>(
        runtime,
        async (ctx, { args, options }) => {
          const drop = options.drop === true;
          ctx.loadModelsForPlan(drop);
          const planned = planFromRegistry();
          const result = await ctx.withGraph(async (graph) => {
            const diff = diffSchema(planned, await readDatabaseSchema(graph));
            if (!drop && diff.conflicts.length > 0) {
              // The same verdict as `schema diff --check`: a conflict is not "in sync".
              throw new CliError(
                ExitCode.CheckFailed,
                [
                  `${diff.conflicts.length} conflict(s) between the models and the database; no migration written:`,
                  ...diff.conflicts.map((c) => `  ! ${c.name}: ${c.reason}`),
                  'Change the models to match the database (`cartograph inspect` shows what it has), or rerun with --drop to write a migration that replaces the conflicting items.',
                ].join('\n'),
              );
            }
            const up = schemaStatements(diff, { drop });
            const down = schemaDownStatements(diff, { drop });
            const file =
              up.length === 0
                ? undefined
                : await createMigrator(ctx, graph).migrator.generate(args[0]!, up, down);
            return { diff, up, down, file };
          });
          for (const item of result.diff.unsupported) ctx.output.warn(item.reason);
          ctx.output.data({ file: result.file ?? null, statements: result.up, downStatements: result.down });
          if (result.file === undefined) {
            ctx.output.line(
              ctx.output.colors.green('The schema is in sync with the models: nothing to generate.'),
            );
            return undefined;
          }
          ctx.output.line(
            `${ctx.output.colors.green('created')} ${path.relative(ctx.io.cwd, result.file) || result.file}`,
          );
          printStatements(ctx.output, 'up:', result.up);
          printStatements(ctx.output, 'down:', result.down);
          return undefined;
        },
        ExitCode.Usage,
      ),
    );
}
