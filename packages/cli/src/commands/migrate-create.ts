import path from 'node:path';
import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';
import { createMigrator } from './migrate-shared';

interface MigrateCreateOptions {
  cypher?: boolean;
  json?: boolean;
}

/** `cartograph migrate create <name>`: an empty migration to fill in (no database needed). */
export function registerMigrateCreate(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('create')
    .description('Write an empty migration under a new version: TypeScript up()/down(), or .cypher files')
    .argument('<name>', 'what the migration does, e.g. "add account status"')
    .option('--cypher', 'write <version>_<name>.cypher and .down.cypher instead of a .ts file')
    .option(...JSON_OPTION)
    .action(
      action<MigrateCreateOptions>(
        runtime,
        async (ctx, { args, options }) => {
          // Writing a file needs no server: the graph is never used, so it is not even contacted.
          const graph = await ctx.connect({ verify: false });
          try {
            const { migrator } = createMigrator(ctx, graph);
            const file = await migrator.create(args[0]!, options.cypher ? 'cypher' : 'ts');
            ctx.output.data({ file });
            ctx.output.line(
              `${ctx.output.colors.green('created')} ${path.relative(ctx.io.cwd, file) || file}`,
            );
          } finally {
            await graph.close();
          }
          return undefined;
        },
        ExitCode.Usage,
      ),
    );
}
