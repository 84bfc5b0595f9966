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
import { ExitCode } from '../runtime/exit-codes';
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
          ctx.loadModels();
          const planned = planFromRegistry();
          const drop = options.drop === true;
          const result = await ctx.withGraph(async (graph) => {
            const diff = diffSchema(planned, await readDatabaseSchema(graph));
            const up = schemaStatements(diff, { drop });
            const down = schemaDownStatements(diff, { drop });
            const file =
              up.length === 0
                ? undefined
                : await createMigrator(ctx, graph).migrator.generate(args[0]!, up, down);
            return { diff, up, down, file };
          });
          for (const item of result.diff.unsupported) ctx.output.warn(item.reason);
          if (!drop && result.diff.conflicts.length > 0) {
            ctx.output.warn(
              `${result.diff.conflicts.length} conflict(s) not included; --drop replaces them.`,
            );
          }
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
