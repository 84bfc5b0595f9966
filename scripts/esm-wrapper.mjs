// `node ../../scripts/esm-wrapper.mjs [entry...]` in a package after `tsup` (packages built with
// `esmWrapper: true`): writes dist/<entry>.mjs, an ES module that re-exports the CommonJS build
// (Node.js finds its named exports statically), and dist/<entry>.d.mts, the same declarations for
// `import`. Importing and requiring the package then share one copy of it in a process.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const entries = process.argv.slice(2);
for (const entry of entries.length > 0 ? entries : ['index']) {
  const cjs = join('dist', `${entry}.js`);
  const dts = join('dist', `${entry}.d.ts`);
  if (!existsSync(cjs) || !existsSync(dts)) throw new Error(`${cjs} or ${dts} is missing: run tsup first`);
  writeFileSync(
    join('dist', `${entry}.mjs`),
    `// ES module entry: the CommonJS build, so that import and require share one copy.\nexport * from './${entry}.js';\n`,
  );
  copyFileSync(dts, join('dist', `${entry}.d.mts`));
}
