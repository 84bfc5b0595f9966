// `pnpm docs:typecheck`: the type-check half of the docs check, without Neo4j (seconds). The
// jest test (docs.test.ts) runs the same check and then runs the pages.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractBlocks } from './markdown-blocks';
import { buildPageProgram } from './page-program';
import { markdownPages } from './pages';
import { createDocsProgram } from './type-check';

const root = path.resolve(__dirname, '../..');
const started = Date.now();
const read = (name: string) => fs.readFileSync(path.join(root, name), 'utf8');
const names = markdownPages(root).filter((name) => extractBlocks(read(name)).blocks.length > 0);
const { program, pages } = createDocsProgram(root, (coreExports) =>
  names.map((name) => buildPageProgram(name, read(name), coreExports)),
);
const errors = pages.flatMap((page) => program.check(page));
for (const error of errors) process.stderr.write(`${error}\n`);
process.stdout.write(`${pages.length} pages, ${errors.length} error(s), ${Date.now() - started} ms\n`);
process.exitCode = errors.length > 0 ? 1 : 0;
