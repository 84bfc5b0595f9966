/** What a migration file name says about it. */
export interface ParsedFileName {
  readonly version: string;
  readonly name: string;
  /** `down` for `<version>_<name>.down.cypher`. */
  readonly role: 'up' | 'down';
  readonly kind: 'ts' | 'cypher';
  /** `R__<name>.cypher` / `R__<name>.ts`: runs after the versioned ones whenever it changes. */
  readonly repeatable?: boolean;
}

const REPEATABLE_FILE = /^R__([A-Za-z0-9][A-Za-z0-9_-]*)\.(ts|cypher)$/;
const MIGRATION_FILE = /^(\d+)_([A-Za-z0-9][A-Za-z0-9_-]*?)(\.down)?\.(ts|cypher)$/;

/** The accepted pattern, for error messages. */
export const FILE_NAME_PATTERN =
  '<digits>_<name>.ts, <digits>_<name>.cypher, <digits>_<name>.down.cypher, or R__<name>.cypher / R__<name>.ts (repeatable)';

/**
 * Parses `20250114093000_add_account_index.cypher` and friends. Returns `undefined` for files
 * that are not migrations by name (wrong extension, `.d.ts`, helpers starting with `_` or `.`),
 * and `'invalid'` for `.ts`/`.cypher` files that look like migrations but break the pattern.
 */
export function parseFileName(fileName: string): ParsedFileName | 'invalid' | undefined {
  if (!/\.(ts|cypher)$/.test(fileName) || fileName.endsWith('.d.ts')) return undefined;
  if (fileName.startsWith('_') || fileName.startsWith('.')) return undefined;
  const repeatable = REPEATABLE_FILE.exec(fileName);
  if (repeatable) {
    return {
      version: `R__${repeatable[1]!}`,
      name: repeatable[1]!,
      role: 'up',
      kind: repeatable[2] as 'ts' | 'cypher',
      repeatable: true,
    };
  }
  const match = MIGRATION_FILE.exec(fileName);
  if (!match) return 'invalid';
  const [, version, name, down, extension] = match;
  if (down && extension !== 'cypher') return 'invalid';
  return { version: version!, name: name!, role: down ? 'down' : 'up', kind: extension as 'ts' | 'cypher' };
}

/** `Add account index!` -> `add_account_index`: safe in a file name on every platform. */
export function slugify(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
