import path from 'node:path';

/**
 * What went wrong loading a config or model file, for the user. When the file imports a package
 * the project has not installed (the usual case: `cartograph` run in a folder where
 * `@cartograph/cli`, which `defineConfig` comes from, or `@cartograph/core` is not a dependency),
 * the require stack gives way to what to install; any other error keeps its message.
 */
export function describeLoadError(error: unknown): string {
  // Duck-typed: the error may come from another realm (a test runner's module sandbox).
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  if (code !== 'MODULE_NOT_FOUND') return text;
  const missing = /Cannot find module '([^']+)'/.exec(text)?.[1];
  if (!missing || missing.startsWith('.') || path.isAbsolute(missing)) return text;
  return `it imports "${missing}", which is not installed where the file can find it. Add it to this project (npm install ${missing}, or your package manager's equivalent).`;
}
