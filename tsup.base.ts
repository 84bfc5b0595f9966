// Shared tsup settings for every publishable package: one CommonJS build (dist/*.js + .d.ts) and
// one ES module build (dist/*.mjs + .d.mts) per entry, each with its own declarations.
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

export function packageBuild(entry: Record<string, string>, dtsEntry: string[] = ['src/index.ts']) {
  return defineConfig({
    entry,
    format: ['cjs', 'esm'],
    outDir: 'dist',
    platform: 'node',
    target: 'node20',
    tsconfig: 'tsconfig.build.json',
    // Declarations for the public entries only, one file per format (.d.ts for require, .d.mts for import).
    dts: { entry: dtsEntry, compilerOptions: { composite: false, incremental: false } },
    // Source maps carry their sources (sourcesContent), so they do not point at unshipped files.
    sourcemap: true,
    splitting: false,
    shims: true,
    clean: true,
    banner: ({ format }) => (format === 'esm' ? { js: esmRequireBanner } : {}),
  } satisfies Options);
}
