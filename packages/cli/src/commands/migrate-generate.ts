import path from 'node:path';
import {
  diffSchema,
  type LabelRename,
  type PropertyRename,
  parseLabelRename,
  parsePropertyRename,
  planFromRegistry,
  planRenames,
  readDatabaseSchema,
  renameCandidates,
  renameHint,
  schemaDownStatements,
  schemaStatements,
} from '@cartograph/schema';
import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { CliError, ExitCode } from '../runtime/exit-codes';
import { createMigrator } from './migrate-shared';
import { renameMigrationSteps } from './rename-steps';
import { printStatements } from './schema-output';

interface MigrateGenerateOptions {
  drop?: boolean;
  json?: boolean;
  rename: string[];
  renameLabel: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parsed<T>(
  values: readonly string[],
  parse: (text: string) => T | undefined,
  flag: string,
  shape: string,
): T[] {
  return values.map((value) => {
    const result = parse(value);
    if (!result) throw new CliError(ExitCode.Usage, `${flag} ${value}: expected ${shape}.`);
    return result;
  });
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
    .option(
      '--rename <Label.old:new>',
      'a renamed property: write a .ts migration that moves the data (ctx.renameProperty) and moves its constraint or index, instead of drop + add (repeatable)',
      collect,
      [],
    )
    .option(
      '--rename-label <Old:New>',
      'a renamed label: move the nodes (ctx.renameLabel) and the constraints and indexes on it (repeatable)',
      collect,
      [],
    )
    .option(...JSON_OPTION)
    .action(
      action<MigrateGenerateOptions>(
        runtime,
        async (ctx, { args, options }) => {
          const drop = options.drop === true;
          const requested: { properties: PropertyRename[]; labels: LabelRename[] } = {
            properties: parsed(
              options.rename,
              parsePropertyRename,
              '--rename',
              'Label.old:new, e.g. Movie.name:title',
            ),
            labels: parsed(
              options.renameLabel,
              parseLabelRename,
              '--rename-label',
              'Old:New, e.g. Film:Movie',
            ),
          };
          const renaming = requested.properties.length + requested.labels.length > 0;
          ctx.loadModelsForPlan(drop);
          const planned = planFromRegistry();
          const result = await ctx.withGraph(async (graph) => {
            const full = diffSchema(planned, await readDatabaseSchema(graph));
            const plan = planRenames(full, requested);
            const diff = plan.diff;
            const hints = renaming ? [] : renameCandidates(full).map(renameHint);
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
            const rest = { up: schemaStatements(diff, { drop }), down: schemaDownStatements(diff, { drop }) };
            if (renaming) {
              const steps = renameMigrationSteps(plan, requested, rest);
              const file = await createMigrator(ctx, graph).migrator.generateTs(
                args[0]!,
                steps.up,
                steps.down,
              );
              return { diff, up: steps.up, down: steps.down, file, hints, renamed: plan.renames.length };
            }
            const { up, down } = rest;
            const file =
              up.length === 0
                ? undefined
                : await createMigrator(ctx, graph).migrator.generate(args[0]!, up, down);
            return { diff, up, down, file, hints, renamed: 0 };
          });
          for (const item of result.diff.unsupported) ctx.output.warn(item.reason);
          for (const hint of result.hints) ctx.output.warn(hint);
          ctx.output.data({
            file: result.file ?? null,
            statements: result.up,
            downStatements: result.down,
            ...(result.hints.length > 0 ? { renameHints: result.hints } : {}),
          });
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
