// Shared tsup settings for every publishable package: a CommonJS build (dist/*.js + .d.ts) and an
// ES module entry (dist/*.mjs + .d.mts) per entry, each with its own declarations.
import { defineConfig, type Options } from 'tsup';

/**
 * The ES module build keeps working code that uses `require` (tsx registration, migration files,
 * `require.resolve`): a module-scoped `require` made with `createRequire(import.meta.url)`.
 * `__dirname` / `__filename` come from tsup's shims.
 */
const esmRequireBanner = [
  "import { createRequire as __cartographCreateRequire } from 'node:module';",
  'const require = __cartographCreateRequire(import.meta.url);',
].join('\n');

export interface PackageBuildOptions {
  /** Entries that get declarations (the public ones); default `['src/index.ts']`. */
  dtsEntry?: string[];
  /**
   * Build CommonJS only; `scripts/esm-wrapper.mjs` then adds an ES module entry that re-exports it
   * (the Node.js "ES module wrapper" pattern). For packages with state or classes that must be one
   * copy per process whether they are imported or required (core's registry and default graph,
   * cypher's error and AST classes): no dual-package hazard.
   */
  esmWrapper?: boolean;
  /**
   * Put code shared by several entries in one chunk instead of a copy per entry (a package whose
   * entries must share module state, such as core's `index` and `internal`).
   */
  splitting?: boolean;
}

export function packageBuild(entry: Record<string, string>, options: PackageBuildOptions = {}) {
  return defineConfig({
    entry,
    format: options.esmWrapper ? ['cjs'] : ['cjs', 'esm'],
    outDir: 'dist',
    platform: 'node',
    target: 'node20',
    tsconfig: 'tsconfig.build.json',
    // Declarations for the public entries only, one file per format (.d.ts for require, .d.mts for import).
    dts: {
      entry: options.dtsEntry ?? ['src/index.ts'],
      compilerOptions: { composite: false, incremental: false },
    },
    // Source maps carry their sources (sourcesContent), so they do not point at unshipped files.
    sourcemap: true,
    // Class and function names survive bundling (error names, default labels, stack traces).
    keepNames: true,
    splitting: options.splitting ?? false,
    // With splitting, rollup turns the chunks into CommonJS and keeps their source maps whole.
    treeshake: options.splitting ?? false,
    shims: true,
    clean: true,
    banner: ({ format }) => (format === 'esm' ? { js: esmRequireBanner } : {}),
  } satisfies Options);
}
