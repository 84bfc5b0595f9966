// Runs Cartograph from its TypeScript sources (a checkout of the repository, no build): registers
// tsx, and resolves every `@cartograph/<name>` to packages/<name>/src, so the CLI and the models it
// loads share one copy of @cartograph/core (and so one model registry). bin/cartograph.js requires
// it when there is no dist/; tests preload it (`node -r .../source-mode.js script.ts`) for the same.
const { existsSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const REGISTERED = Symbol.for('cartograph.cli.tsx-registered');

if (!globalThis[REGISTERED]) {
  require('tsx/cjs/api').register();
  // src/config/typescript-loader.ts reads this flag and does not register tsx a second time.
  globalThis[REGISTERED] = true;
  const packagesDir = path.resolve(__dirname, '..', '..');
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveWorkspaceSource(request, ...rest) {
    const match = /^@cartograph\/([a-z-]+)(\/internal)?$/.exec(request);
    const source = match && path.join(packagesDir, match[1], 'src', match[2] ? 'internal.ts' : 'index.ts');
    return resolve.call(this, source && existsSync(source) ? source : request, ...rest);
  };
}
