import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { registry } from '@cartograph/core/internal';
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
 * Two classes with the same name or label in different files (e.g. `init`'s example `Person` and
 * the one `inspect` wrote) are an error naming both files: the registry would keep the last one.
 */
export function loadModels(config: Pick<ResolvedConfig, 'models' | 'rootDir'>): string[] {
  const files = resolveModelFiles(config);
  const owners = new Map<unknown, string>(); // class -> file that declared it
  const isNode = (definition: object) => 'primaryLabel' in definition;
  const known = () => [...registry.nodes(), ...registry.relationshipModels()];
  for (const file of files) {
    const before = new Map(known().map((d) => [d.target, d]));
    const beforeNodes = registry.nodes();
    try {
      requireModule(file);
    } catch (error) {
      const message = describeLoadError(error);
      const clash = /the label "([^"]+)" already belongs to/.exec(message);
      const other = clash
        ? beforeNodes.find((d) => d.primaryLabel === clash[1] && owners.has(d.target))
        : undefined;
      if (other) {
        throw new CliError(
          ExitCode.Usage,
          `Two model classes use the label "${clash![1]}": ${other.name} in ${owners.get(other.target)} and another in ${file}. Remove one, or give it another label with @Node({ label: '...' }).`,
          { cause: error },
        );
      }
      const hint = /decorator|Cannot read properties of undefined/i.test(message)
        ? '\nModels need "experimentalDecorators": true and "useDefineForClassFields": false in the nearest tsconfig.json (cartograph init writes one).'
        : '';
      throw new CliError(ExitCode.Usage, `Could not load models from ${file}: ${message}${hint}`, {
        cause: error,
      });
    }
    const added = known().filter((d) => !before.has(d.target));
    for (const definition of added) {
      const label = 'primaryLabel' in definition ? definition.primaryLabel : definition.type;
      // Only classes this run loaded: a class defined again in the same process (watch mode, hot
      // reload, in-process tests) replaces its earlier definition, as the registry intends.
      const clash = [...before.values()].find((old) => {
        if (!owners.has(old.target)) return false;
        const oldLabel = 'primaryLabel' in old ? old.primaryLabel : old.type;
        return old.name === definition.name || (oldLabel === label && isNode(old) === isNode(definition));
      });
      if (clash) {
        const what = clash.name === definition.name ? `the name ${definition.name}` : `the label "${label}"`;
        throw new CliError(
          ExitCode.Usage,
          `Two model classes share ${what}: ${clash.name} in ${owners.get(clash.target)} and ${definition.name} in ${definingFile(definition.target, file)}. The config's models load both; remove one, or narrow the "models" globs.`,
        );
      }
      owners.set(definition.target, definingFile(definition.target, file));
    }
  }
  return files;
}

/**
 * The module that declares `target`: of the loaded modules exporting it, one that is not an
 * `index` re-exporting it; `fallback` (the file the config named) when none is found.
 */
function definingFile(target: unknown, fallback: string): string {
  const exporting = Object.values(require.cache).filter(
    (module) =>
      module !== undefined &&
      typeof module.exports === 'object' &&
      module.exports !== null &&
      Object.values(module.exports as object).includes(target),
  );
  const own = exporting.find((module) => !/^index\.[cm]?[jt]s$/.test(path.basename(module!.filename)));
  return (own ?? exporting[0])?.filename ?? fallback;
}
