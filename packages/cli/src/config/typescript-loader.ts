import { createRequire } from 'node:module';

/** The part of tsx's CommonJS API used here, typed locally: its own types need `exports`-aware resolution. */
interface TsxApi {
  register(): () => void;
}

// Shared with bin/cartograph.js, which registers tsx itself when it runs the CLI from source.
const REGISTERED = Symbol.for('cartograph.cli.tsx-registered');

interface LoaderState {
  [REGISTERED]?: boolean;
}

/**
 * Lets `require` load TypeScript (config and model files) without a build step. tsx compiles each
 * file with the nearest tsconfig.json, which must enable `experimentalDecorators` for models.
 * Registered once per process: a second registration would compile every file twice.
 */
export function enableTypeScript(): void {
  const state = globalThis as LoaderState;
  if (state[REGISTERED]) return;
  // Node's own require: tsx hooks Node's loader, whatever module system loaded this file.
  (createRequire(__filename)('tsx/cjs/api') as TsxApi).register();
  state[REGISTERED] = true;
}

/**
 * Loads a module (TypeScript or JavaScript). Plain `require`, so the module shares this process's
 * module cache, and the models it declares land in the same registry the CLI reads.
 */
export function requireModule(file: string): unknown {
  enableTypeScript();
  return require(file);
}
