import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadMigrations, splitCypher } from '@cartograph/migrations';
import type { Command } from 'commander';
import { action, type CliRuntime, JSON_OPTION } from '../runtime/action';
import { CliError, ExitCode } from '../runtime/exit-codes';

/** `cartograph migrate show <version>`: what a migration runs (up and down), without a server. */
export function registerMigrateShow(migrate: Command, runtime: CliRuntime): void {
  migrate
    .command('show')
    .description('Print what a migration will run: its statements (up and down) and preconditions')
    .argument('<version>', 'the migration version, e.g. 20250114093000')
    .option(...JSON_OPTION)
    .action(
      action<{ json?: boolean }>(
        runtime,
        async (ctx, { args }) => {
          const version = args[0]!;
          const files = await loadMigrations(ctx.config.migrationsDir);
          const file = files.find((entry) => entry.version === version);
          if (!file) {
            throw new CliError(
              ExitCode.Usage,
              `No migration ${version} in ${ctx.config.migrationsDir} (${files.length} file(s) there).`,
            );
          }
          const read = (name: string | undefined) =>
            name === undefined ? undefined : readFileSync(name, 'utf8');
          const upText = read(file.path)!;
          const downText = read(file.downPath);
          const preconditions = upText
            .split(/\r?\n/)
            .filter((line) => /^\s*\/\/\s*@precondition\b/.test(line))
            .map((line) => line.trim().replace(/^\/\/\s*/, ''));
          const up = file.kind === 'cypher' ? splitCypher(upText) : [];
          const down = downText === undefined ? [] : splitCypher(downText);
          ctx.output.data({ ...file, preconditions, up, down });
          const { bold, dim, yellow } = ctx.output.colors;
          ctx.output.line(bold(`${file.version}_${file.name} (${file.kind})`));
          ctx.output.line(dim(path.relative(ctx.io.cwd, file.path) || file.path));
          for (const precondition of preconditions) ctx.output.line(yellow(precondition));
          if (file.kind === 'ts') {
            ctx.output.line(dim('TypeScript migration: its Cypher is only known when it runs. Source:'));
            ctx.output.line(upText.trimEnd());
            return undefined;
          }
          ctx.output.line();
          ctx.output.line(bold('up:'));
          for (const statement of up) ctx.output.line(`${statement};`);
          ctx.output.line();
          ctx.output.line(bold('down:'));
          if (file.downPath === undefined) ctx.output.line(dim('(no .down.cypher: it cannot be reverted)'));
          else if (down.length === 0)
            ctx.output.line(
              yellow('(the .down.cypher has no statement: down refuses it without --allow-empty-down)'),
            );
          for (const statement of down) ctx.output.line(`${statement};`);
          return undefined;
        },
        ExitCode.Usage,
      ),
    );
}
