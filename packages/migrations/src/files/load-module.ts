import type { MigrationContext } from '../context/migration-context';
import { MigrationError } from '../errors';
import type { MigrationFile } from './migration-file';

/** The functions a `.ts` migration exports. */
export interface MigrationModule {
  up(ctx: MigrationContext): Promise<void> | void;
  down?(ctx: MigrationContext): Promise<void> | void;
}

/** The part of tsx's CommonJS API used here (typed locally: its types need `exports`-aware resolution). */
interface TsxApi {
  register(): () => void;
}

// The same key the CLI's bin uses, so tsx is registered once per process whoever comes first.
const REGISTERED = Symbol.for('cartograph.cli.tsx-registered');

/**
 * Lets `require` load TypeScript: registers tsx's CommonJS hook once per process, unless `.ts`
 * files already load (the application runs under tsx, ts-node, or a test runner's transform).
 * tsx compiles with the nearest tsconfig.json, so decorators work when it enables them.
 */
function enableTypeScript(): void {
  const state = globalThis as { [REGISTERED]?: boolean };
  if (state[REGISTERED] || require.extensions?.['.ts'] !== undefined) return;
  (require('tsx/cjs/api') as TsxApi).register();
  state[REGISTERED] = true;
}

/**
 * Loads a `.ts` migration without a build step. Plain `require`, so the migration shares this
 * process's modules: models it imports register in the same registry, and `Graph.default` is the
 * application's. The cached copy is dropped first, so an edited file is read again by the next run
 * in the same process.
 * @throws MigrationError `MIGRATION_INVALID_FILE` when it does not compile or export `up`.
 */
export function loadMigrationModule(file: MigrationFile): MigrationModule {
  let loaded: unknown;
  try {
    enableTypeScript();
    const resolved = require.resolve(file.path);
    delete require.cache[resolved];
    loaded = require(resolved);
  } catch (error) {
    throw new MigrationError(
      'MIGRATION_INVALID_FILE',
      `Cannot load ${file.path}: ${(error as Error).message}`,
      { cause: error, migration: file },
    );
  }
  const exports = pickExports(loaded);
  if (typeof exports.up !== 'function') {
    throw new MigrationError(
      'MIGRATION_INVALID_FILE',
      `${file.path} does not export an up(ctx) function. Add \`export async function up(ctx: MigrationContext) { ... }\`.`,
      { migration: file },
    );
  }
  return exports as MigrationModule;
}

/** Named exports, or the members of `export default { up, down }`. */
function pickExports(loaded: unknown): { up?: unknown; down?: unknown } {
  const named = (loaded ?? {}) as {
    up?: unknown;
    down?: unknown;
    default?: { up?: unknown; down?: unknown };
  };
  if (typeof named.up === 'function') return named;
  return named.default ?? named;
}
