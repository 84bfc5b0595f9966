import { syncSchema } from '@cartograph/schema';
import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';
import { diffToJson, printDiff, printStatements } from './schema-output';

interface SchemaSyncOptions {
  drop?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** `cartograph schema sync`: creates what the models declare (and with --drop removes the rest). */
export function registerSchemaSync(schema: Command, runtime: CliRuntime): void {
  schema
    .command('sync')
    .description(
      'Create the constraints and indexes the models declare; with --drop also remove undeclared ones',
    )
    .option('--drop', 'drop constraints and indexes no model declares, and replace conflicting ones')
    .option('--dry-run', 'print the Cypher without running it')
    .option(...JSON_OPTION)
    .action(
      action<SchemaSyncOptions>(
        runtime,
        async (ctx, { options }) => {
          const drop = options.drop === true;
          ctx.loadModelsForPlan(drop);
          const dryRun = options.dryRun === true;
          const result = await ctx.withGraph((graph) => syncSchema(graph, { drop, dryRun }));
          const unresolved = drop ? 0 : result.diff.conflicts.length;
          ctx.output.data({
            ...diffToJson(result.diff, result.statements.length === 0, result.statements),
            applied: result.applied,
          });
          printDiff(ctx.output, result.diff, drop);
          printStatements(ctx.output, dryRun ? 'Would run (dry run):' : 'Ran:', result.statements);
          ctx.output.line();
          const { green, yellow } = ctx.output.colors;
          if (result.statements.length === 0) ctx.output.line(green('Nothing to do: the schema is in sync.'));
          else if (dryRun)
            ctx.output.line(yellow(`Dry run: ${result.statements.length} statement(s) not run.`));
          else ctx.output.line(green(`Applied ${result.statements.length} statement(s).`));
          if (unresolved > 0) {
            ctx.output.warn(`${unresolved} conflict(s) left as they are; rerun with --drop to replace them.`);
            return ExitCode.CheckFailed;
          }
          return undefined;
        },
        ExitCode.Migration,
      ),
    );
}
