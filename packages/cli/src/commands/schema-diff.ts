import {
  diffSchema,
  isInSync,
  planFromRegistry,
  readDatabaseSchema,
  schemaStatements,
} from '@cartograph/schema';
import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';
import { diffToJson, printDiff, printStatements } from './schema-output';

interface SchemaDiffOptions {
  drop?: boolean;
  check?: boolean;
  json?: boolean;
}

/** `cartograph schema diff`: what the models declare against what the database has. */
export function registerSchemaDiff(schema: Command, runtime: CliRuntime): void {
  schema
    .command('diff')
    .description('Compare the constraints and indexes the models declare with those in the database')
    .option('--drop', 'count undeclared items as changes (as `schema sync --drop` would remove them)')
    .option('--check', 'exit with code 1 when the database is not in sync (for CI)')
    .option(...JSON_OPTION)
    .action(
      action<SchemaDiffOptions>(runtime, async (ctx, { options }) => {
        const drop = options.drop === true;
        ctx.loadModelsForPlan(drop);
        const planned = planFromRegistry();
        const diff = await ctx.withGraph(async (graph) =>
          diffSchema(planned, await readDatabaseSchema(graph)),
        );
        const inSync = isInSync(diff, { drop });
        const statements = schemaStatements(diff, { drop });
        ctx.output.data(diffToJson(diff, inSync, statements));
        printDiff(ctx.output, diff, drop);
        printStatements(ctx.output, '`cartograph schema sync` would run:', statements);
        ctx.output.line();
        ctx.output.line(
          inSync ? ctx.output.colors.green('In sync.') : ctx.output.colors.yellow('Not in sync.'),
        );
        return options.check && !inSync ? ExitCode.CheckFailed : undefined;
      }),
    );
}
