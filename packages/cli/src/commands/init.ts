import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Command } from 'commander';
import { action, type CliRuntime } from '../runtime/action';
import { CliError, ExitCode } from '../runtime/exit-codes';
import { configTemplate, EXAMPLE_MODEL, tsconfigTemplate } from './init-templates';

interface InitOptions {
  force?: boolean;
  example: boolean;
  modelsDir: string;
  migrationsDir: string;
}

/** `cartograph init`: a config file, a migrations folder, an example model and (if missing) a tsconfig.json. */
export function registerInit(program: Command, runtime: CliRuntime): void {
  program
    .command('init')
    .description('Set up Cartograph in this folder: cartograph.config.ts, migrations/ and an example model')
    .option('--force', 'overwrite files that already exist')
    .option('--no-example', 'do not write the example model')
    .option('--models-dir <dir>', 'folder for model files', 'src/models')
    .option('--migrations-dir <dir>', 'folder for migration files', 'migrations')
    .action(
      action<InitOptions>(
        runtime,
        async (ctx, { options }) => {
          const root = ctx.io.cwd;
          const files = new Map<string, string>([
            [
              'cartograph.config.ts',
              configTemplate(`./${toPosix(options.modelsDir)}/**/*.ts`, toPosix(options.migrationsDir)),
            ],
          ]);
          if (options.example) files.set(path.join(options.modelsDir, 'person.ts'), EXAMPLE_MODEL);
          const existing = [...files.keys()].filter((file) => existsSync(path.join(root, file)));
          if (existing.length > 0 && !options.force) {
            throw new CliError(
              ExitCode.Usage,
              `Refusing to overwrite ${existing.join(', ')} (use --force to replace).`,
            );
          }
          const { green } = ctx.output.colors;
          for (const [file, content] of files) {
            mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
            writeFileSync(path.join(root, file), content);
            ctx.output.line(`${green('created')} ${file}`);
          }
          const migrations = path.join(root, options.migrationsDir);
          if (!existsSync(migrations)) {
            mkdirSync(migrations, { recursive: true });
            writeFileSync(path.join(migrations, '.gitkeep'), '');
            ctx.output.line(`${green('created')} ${toPosix(options.migrationsDir)}/`);
          }
          writeTsconfig(
            root,
            (text) => ctx.output.line(text),
            (text) => ctx.output.warn(text),
            green,
          );
          ctx.output.line();
          ctx.output.line('Next: set NEO4J_PASSWORD, then run `cartograph schema diff`.');
          return undefined;
        },
        ExitCode.Usage,
      ),
    );
}

/** A tsconfig.json is written only when there is none; an existing one is checked, never changed. */
function writeTsconfig(
  root: string,
  line: (text: string) => void,
  warn: (text: string) => void,
  green: (text: string) => string,
): void {
  const file = path.join(root, 'tsconfig.json');
  if (!existsSync(file)) {
    writeFileSync(file, tsconfigTemplate(projectModuleSetting(root)));
    line(`${green('created')} tsconfig.json`);
    return;
  }
  const text = readFileSync(file, 'utf8');
  if (!/"experimentalDecorators"\s*:\s*true/.test(text)) {
    warn('tsconfig.json does not set "experimentalDecorators": true; Cartograph models need it.');
  }
  if (!/"useDefineForClassFields"\s*:\s*false/.test(text)) {
    warn('tsconfig.json does not set "useDefineForClassFields": false; Cartograph models need it.');
  }
}

/** Whether the project's package.json says `"type": "module"`, and whether @types/node is installed. */
function projectModuleSetting(root: string): { esm: boolean; nodeTypes: boolean } {
  let esm = false;
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { type?: string };
    esm = manifest.type === 'module';
  } catch {
    // no package.json (or an unreadable one): CommonJS, Node's default
  }
  let nodeTypes = false;
  try {
    createRequire(path.join(root, 'package.json')).resolve('@types/node/package.json');
    nodeTypes = true;
  } catch {
    // not installed: `types: ["node"]` would be an error
  }
  return { esm, nodeTypes };
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
