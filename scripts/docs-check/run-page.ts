// Runs one page program against the test Neo4j: transpiled to CommonJS (TypeScript's
// transpileModule, legacy decorators), wrapped in an async function so top-level await works, and
// called with its own `require`, the page globals and a connected default graph. The caller runs it
// inside jest.isolateModulesAsync, so each page gets fresh Cartograph modules (its own registry:
// two pages may both declare a `Person`).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';
import { PAGE_GLOBALS } from './page-globals';
import { BLOCK_MARKER, type PageProgram, pageFolder } from './page-program';
import { workspacePackageDirs } from './type-check';

export interface Connection {
  url: string;
  username: string;
  password: string;
}

type Require = (id: string) => unknown;
type AsyncFunctionConstructor = new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;

interface GraphLike {
  close(): Promise<void>;
}
interface GraphClass {
  connect(options: object): Promise<GraphLike>;
}

/** Transpiles the page's run source the way jest's swc config compiles tests (legacy decorators). */
export function transpilePage(page: PageProgram): string {
  const output = ts.transpileModule(page.run.text, {
    fileName: `${page.name}.ts`,
    reportDiagnostics: false,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      useDefineForClassFields: false,
      esModuleInterop: true,
    },
  });
  return output.outputText;
}

/**
 * Runs the page; rejects with an error naming the page line of the block that threw. `load` is
 * jest's `require` of the calling test file (so `@cartograph/*` maps to the sources).
 */
export async function runPage(
  root: string,
  page: PageProgram,
  load: Require,
  connection: Connection,
): Promise<void> {
  const folder = pageFolder(root, page.name);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  for (const file of page.files) {
    const target = path.join(folder, file.relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.source.text);
  }
  const pageRequire = requireFor(root, folder, load);
  const core = pageRequire('@cartograph/core') as { Graph: GraphClass };
  const opened: GraphLike[] = [];
  const connect = core.Graph.connect.bind(core.Graph);
  const auth = { username: connection.username, password: connection.password };
  const graph = await connect({ url: connection.url, auth, default: true });
  opened.push(graph);
  // A graph the page connects becomes the default graph, as an application's first graph does,
  // unless it says `default: false`.
  core.Graph.connect = async (options) => {
    const own = await connect({ default: true, ...options });
    opened.push(own);
    return own;
  };
  const AsyncFunction = (async () => undefined).constructor as AsyncFunctionConstructor;
  // The page's code sits in a block of its own, so that it may declare a name the globals use (`const graph = ...`).
  const code = `"use strict";\n{\n${transpilePage(page)}\n}`;
  const body = new AsyncFunction('require', 'module', 'exports', ...PAGE_GLOBALS, BLOCK_MARKER, code);
  let block: number | undefined;
  const previousDirectory = process.cwd();
  process.chdir(folder);
  try {
    const module = { exports: {} };
    const globals = {
      url: connection.url,
      username: connection.username,
      password: connection.password,
      auth,
      graph,
    };
    await body(
      pageRequire,
      module,
      module.exports,
      ...PAGE_GLOBALS.map((name) => globals[name]),
      (line: number) => {
        block = line;
      },
    );
  } catch (error) {
    const where = block === undefined ? page.name : `${page.name}:${block}`;
    throw new PageRunError(`${where}: the block starting on this line threw`, error);
  } finally {
    process.chdir(previousDirectory);
    await Promise.allSettled(opened.map((opened) => opened.close()));
  }
}

/** A page that threw: the message names the block, `cause` is what it threw. */
export class PageRunError extends Error {
  constructor(message: string, cause: unknown) {
    super(`${message}:\n${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`, {
      cause,
    });
    this.name = 'PageRunError';
  }
}

/**
 * The page's `require`: relative paths from its working folder (its `file=` modules), everything
 * else through jest; a bare name jest cannot find from the repository root is looked up from each
 * workspace package, as the type checker does.
 */
function requireFor(root: string, folder: string, load: Require): Require {
  const packages = workspacePackageDirs(root);
  return (id) => {
    if (id.startsWith('.')) return load(path.resolve(folder, id));
    try {
      return load(id);
    } catch (error) {
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND' || id.startsWith('@cartograph/'))
        throw error;
      for (const dir of packages) {
        let resolved: string;
        try {
          resolved = createRequire(path.join(dir, 'package.json')).resolve(id);
        } catch {
          continue;
        }
        return load(resolved);
      }
      throw error;
    }
  };
}
