#!/usr/bin/env node

// The `cartograph` command. An installed package runs its compiled dist/. In a checkout of the
// repository without a build (or with CARTOGRAPH_CLI_FROM_SOURCE=1) it runs the TypeScript
// sources instead, through source-mode.js.
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const built = path.join(root, 'dist', 'main.js');

if (process.env.CARTOGRAPH_CLI_FROM_SOURCE !== '1' && existsSync(built)) {
  require(built).main();
} else {
  require('./source-mode');
  require(path.join(root, 'src', 'main.ts')).main();
}
