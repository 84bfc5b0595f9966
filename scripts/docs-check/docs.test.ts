/**
 * Docs read like tests: every ```ts snippet of the Markdown pages compiles and runs as written.
 *
 * One page is one program: its blocks, in page order, joined into one module, so later blocks see
 * what earlier ones declared. Each page is type-checked (all pages in one TypeScript program, with
 * tsconfig.json's options: strict, legacy decorators, `@cartograph/*` from packages/*\/src) and
 * then run against the test Neo4j, on an emptied database, with fresh Cartograph modules.
 * Errors name the page line: `docs/query-guide.md:57:10 TS2304: Cannot find name 'acme'.`
 *
 * Conventions (also in CONTRIBUTING.md, "Docs are tested"):
 * - ```ts (or ```typescript): type-checked and run. Other languages are not checked.
 * - ```ts compile-only: <reason>: type-checked, not run; the reason is required.
 * - ```ts file=<relative path>.ts: a module of its own (a migration, a config file, models a block
 *   imports with `import './models'`), type-checked alone and written to the page's working folder
 *   (the current directory while the page runs) before the page runs.
 * - <!-- ts hidden: <why> ... --> (the comment's last line holds only `-->`): code readers do not
 *   see but the program needs (test data, a variable a snippet takes as given); it is
 *   type-checked and run in its place.
 * - Every export of @cartograph/core is in scope unless the page imports or declares that name;
 *   anything else is imported as a reader would. `url`, `username`, `password`, `auth` (the test
 *   server's) and `graph` (connected, the default graph) are given.
 *
 * Run it alone: `pnpm docs:check` (jest scripts/docs-check: starts Neo4j unless NEO4J_URI names one).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { connectTestDriver, neo4jSettingsFromEnv, resetDatabase } from '@cartograph/testing';
import { extractBlocks } from './markdown-blocks';
import { buildPageProgram, type PageProgram } from './page-program';
import { markdownPages } from './pages';
import { runPage } from './run-page';
import { createDocsProgram, type DocsProgram } from './type-check';

const root = path.resolve(__dirname, '../..');

const pageNames = markdownPages(root);
const read = (name: string) => fs.readFileSync(path.join(root, name), 'utf8');
const withCode = pageNames.filter((name) => extractBlocks(read(name)).blocks.length > 0);
const runnable = withCode.filter((name) =>
  extractBlocks(read(name)).blocks.some((block) => block.kind === 'run' || block.kind === 'hidden'),
);

let docs: DocsProgram;
const pages = new Map<string, PageProgram>();

beforeAll(() => {
  const built = createDocsProgram(root, (coreExports) =>
    withCode.map((name) => buildPageProgram(name, read(name), coreExports)),
  );
  docs = built.program;
  for (const page of built.pages) pages.set(page.name, page);
}, 180_000);

test('the checker finds the pages and their TypeScript', () => {
  expect(pageNames).toEqual(expect.arrayContaining(['README.md', 'docs/query-guide.md']));
  expect(runnable.length).toBeGreaterThan(5);
});

describe.each(withCode)('%s', (name) => {
  test('type-checks', () => {
    const errors = docs.check(pages.get(name)!);
    if (errors.length > 0) throw new Error(`${errors.length} type error(s):\n${errors.join('\n')}`);
  });

  if (runnable.includes(name)) {
    test('runs against Neo4j', async () => {
      const driver = connectTestDriver();
      try {
        await resetDatabase(driver);
      } finally {
        await driver.close();
      }
      // What the snippets print (query logs, console.table) would bury the test output.
      const quiet = (['log', 'info', 'debug', 'warn', 'table'] as const).map((method) =>
        jest.spyOn(console, method).mockImplementation(() => undefined),
      );
      try {
        await jest.isolateModulesAsync(async () => {
          const { uri, username, password } = neo4jSettingsFromEnv();
          await runPage(root, pages.get(name)!, require, { url: uri, username, password });
        });
      } finally {
        for (const spy of quiet) spy.mockRestore();
      }
    });
  }
});
