import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CliError, ExitCode } from '../runtime/exit-codes';
import { describeLoadError } from './describe-load-error';
import { glob, isGlob } from './glob';
import type { ResolvedConfig } from './load-config';
import { requireModule } from './typescript-loader';

/**
 * The files the config's `models` entries name: globs expanded, relative paths resolved against
 * the config folder, package names resolved from it.
 */
export function resolveModelFiles(config: Pick<ResolvedConfig, 'models' | 'rootDir'>): string[] {
  const files: string[] = [];
  for (const entry of config.models) {
    if (isGlob(entry)) {
      const matches = glob(entry, config.rootDir);
      if (matches.length === 0) throw new CliError(ExitCode.Usage, `models: "${entry}" matches no file.`);
      files.push(...matches);
    } else if (entry.startsWith('.') || path.isAbsolute(entry)) {
      files.push(resolveLocal(path.resolve(config.rootDir, entry), entry));
    } else {
      try {
        files.push(createRequire(path.join(config.rootDir, 'package.json')).resolve(entry));
      } catch {
        throw new CliError(ExitCode.Usage, `models: cannot find module "${entry}" from ${config.rootDir}.`);
      }
    }
  }
  return [...new Set(files)];
}

function resolveLocal(file: string, entry: string): string {
  for (const candidate of [
    file,
    `${file}.ts`,
    `${file}.js`,
    path.join(file, 'index.ts'),
    path.join(file, 'index.js'),
  ]) {
    if (existsSync(candidate) && !isDirectory(candidate)) return candidate;
  }
  throw new CliError(ExitCode.Usage, `models: "${entry}" does not exist (looked for ${file}).`);
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Imports every model module so its decorators register with `@cartograph/core`. A module that
 * fails to load stops the command with the reason, plus the usual cause when it is decorators.
 */
export function loadModels(config: Pick<ResolvedConfig, 'models' | 'rootDir'>): string[] {
  const files = resolveModelFiles(config);
  for (const file of files) {
    try {
      requireModule(file);
    } catch (error) {
      const message = describeLoadError(error);
      const hint = /decorator|Cannot read properties of undefined/i.test(message)
        ? '\nModels need "experimentalDecorators": true and "useDefineForClassFields": false in the nearest tsconfig.json (cartograph init writes one).'
        : '';
      throw new CliError(ExitCode.Usage, `Could not load models from ${file}: ${message}${hint}`, {
        cause: error,
      });
    }
  }
  return files;
}
