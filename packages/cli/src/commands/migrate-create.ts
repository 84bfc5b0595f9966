import path from 'node:path';
import { createMigrationFile } from '@cartograph/migrations';
import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { ExitCode } from '../runtime/exit-codes';

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
          // Writing a file needs no server, so no connection settings are needed either.
          const file = await createMigrationFile(
            ctx.config.migrationsDir,
            args[0]!,
            options.cypher ? 'cypher' : 'ts',
          );
          ctx.output.data({ file });
          ctx.output.line(`${ctx.output.colors.green('created')} ${path.relative(ctx.io.cwd, file) || file}`);
          return undefined;
        },
        ExitCode.Usage,
      ),
    );
}
