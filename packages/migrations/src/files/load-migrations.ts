import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MigrationError } from '../errors';
import { migrationChecksum } from './checksum';
import { FILE_NAME_PATTERN, type ParsedFileName, parseFileName } from './file-name';
import type { MigrationFile } from './migration-file';
import { splitCypher } from './split-cypher';
import { compareVersions } from './version';

// `export function down`, `export const down =`, `export { down }` or a default export naming `down`.
const EXPORTS_DOWN =
  /\bexport\s+(?:async\s+)?function\s*\*?\s*down\b|\bexport\s+(?:const|let|var)\s+down\b|\bexport\s*\{[^}]*\bdown\b[^}]*\}|\bexport\s+default\s*\{[^}]*\bdown\b/;

/**
 * Reads the migrations folder: every `<version>_<name>.ts` and `<version>_<name>.cypher` (with an
 * optional `.down.cypher`), ordered by version. A missing folder means no migrations.
 * @throws MigrationError `MIGRATION_INVALID_FILE` for misnamed files or an orphan `.down.cypher`,
 *   `MIGRATION_DUPLICATE_VERSION` when two migrations share a version.
 */
export async function loadMigrations(dir: string): Promise<MigrationFile[]> {
  return (await loadAll(dir)).versioned;
}

/**
 * The repeatable migrations of the folder (`R__<name>.cypher` / `R__<name>.ts`), ordered by name.
 * @throws MigrationError like {@link loadMigrations}.
 */
export async function loadRepeatables(dir: string): Promise<MigrationFile[]> {
  return (await loadAll(dir)).repeatable;
}

async function loadAll(dir: string): Promise<{ versioned: MigrationFile[]; repeatable: MigrationFile[] }> {
  const folder = resolve(dir);
  const repeatables: Array<ParsedFileName & { file: string }> = [];
  const entries = await listFiles(folder);
  const ups = new Map<string, ParsedFileName & { file: string }>();
  const downs = new Map<string, string>();
  for (const file of entries) {
    const parsed = parseFileName(file);
    if (parsed === undefined) continue;
    if (parsed === 'invalid') {
      throw new MigrationError(
        'MIGRATION_INVALID_FILE',
        `${join(folder, file)} is not a valid migration file name. Name migrations ${FILE_NAME_PATTERN}; prefix helper files with "_".`,
      );
    }
    if (parsed.repeatable) {
      repeatables.push({ ...parsed, file });
      continue;
    }
    if (parsed.role === 'down') {
      downs.set(`${parsed.version}_${parsed.name}`, file);
      continue;
    }
    const clash = [...ups.values()].find((other) => compareVersions(other.version, parsed.version) === 0);
    if (clash) {
      throw new MigrationError(
        'MIGRATION_DUPLICATE_VERSION',
        `${clash.file} and ${file} share version ${parsed.version}. Give one of them a new version (rename the file) before running migrations.`,
      );
    }
    ups.set(`${parsed.version}_${parsed.name}`, { ...parsed, file });
  }
  for (const [key, file] of downs) {
    if (ups.get(key)?.kind !== 'cypher') {
      throw new MigrationError(
        'MIGRATION_INVALID_FILE',
        `${join(folder, file)} has no matching ${key}.cypher. A .down.cypher file belongs next to the .cypher migration it reverts.`,
      );
    }
  }
  const files = await Promise.all(
    [...ups.entries()].map(([key, parsed]) => describe(folder, parsed, downs.get(key))),
  );
  const repeatable = await Promise.all(repeatables.map((parsed) => describe(folder, parsed, undefined)));
  return {
    versioned: files.sort((a, b) => compareVersions(a.version, b.version)),
    repeatable: repeatable.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

async function describe(
  folder: string,
  parsed: ParsedFileName & { file: string },
  downFile: string | undefined,
): Promise<MigrationFile> {
  const path = join(folder, parsed.file);
  const upText = await readFile(path, 'utf8');
  const downPath = downFile === undefined ? undefined : join(folder, downFile);
  const downText = downPath === undefined ? undefined : await readFile(downPath, 'utf8');
  return {
    version: parsed.version,
    name: parsed.name,
    kind: parsed.kind,
    path,
    ...(downPath === undefined ? {} : { downPath }),
    checksum: migrationChecksum(upText, downText),
    hasDown: parsed.kind === 'ts' ? EXPORTS_DOWN.test(upText) : downPath !== undefined,
    ...(downText !== undefined && splitCypher(downText).length === 0 ? { emptyDown: true } : {}),
    ...(parsed.kind === 'cypher' && /^\s*\/\/\s*@precondition\s+skip\b/m.test(upText)
      ? { conditional: true }
      : {}),
    ...(parsed.repeatable ? { repeatable: true } : {}),
  };
}

async function listFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
