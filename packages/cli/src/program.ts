import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { registerDiagram } from './commands/diagram';
import { registerInit } from './commands/init';
import { registerInspect } from './commands/inspect';
import { registerMigrate } from './commands/migrate';
import { registerSchemaDiff } from './commands/schema-diff';
import { registerSchemaSync } from './commands/schema-sync';
import type { CliRuntime } from './runtime/action';

/** Printed after the root command's help, and in the generated reference. */
export const ROOT_HELP_FOOTER = `
Configuration:
  cartograph.config.ts (or --config <path>); NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
  NEO4J_DATABASE override it. The password is never printed.

Exit codes:
  0  success
  1  a check failed (migrate validate, schema diff --check), or the command could not finish
  2  usage or configuration error
  3  cannot connect to Neo4j (unreachable, wrong URI or credentials)
  4  a migration or schema change failed, or the migration lock is held`;

/** Options for building the command tree. */
export interface ProgramOptions {
  /** Wrap help at this width; default the terminal's (at most 100), or 100 when not a terminal. */
  helpWidth?: number;
}

/**
 * The `cartograph` command tree. Usage errors and `--help` do not exit the process: commander
 * throws instead (exitOverride), so `runCli` can return an exit code and tests can run in-process.
 */
export function createProgram(runtime: CliRuntime, options: ProgramOptions = {}): Command {
  const { io } = runtime;
  const program = new Command('cartograph')
    .description('Schema, migrations, inspection and diagrams for Cartograph models on Neo4j')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('-c, --config <path>', 'config file (default: the nearest cartograph.config.ts)')
    .option('--no-color', 'plain output without colours (NO_COLOR=1 does the same)')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .configureHelp({
      helpWidth: options.helpWidth ?? Math.min(io.stdout.columns ?? 100, 100),
      showGlobalOptions: true,
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', ROOT_HELP_FOOTER);

  registerInit(program, runtime);
  const schema = program
    .command('schema')
    .description('Compare and apply the constraints and indexes the models declare');
  registerSchemaDiff(schema, runtime);
  registerSchemaSync(schema, runtime);
  registerMigrate(program, runtime);
  registerInspect(program, runtime);
  registerDiagram(program, runtime);
  return program;
}

/** Every command of the tree, depth first (the root first). */
export function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

function packageVersion(): string {
  // Read at run time: src/ and dist/ both sit one level below package.json.
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
