// Type-checks every page in one TypeScript program, with the project's compiler options (strict,
// legacy decorators) and `@cartograph/*` resolved to packages/*/src, and reports each error at
// its page line: `docs/query-guide.md:57:10 TS2304: Cannot find name 'acme'.`
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { PAGE_GLOBALS_DECLARATION } from './page-globals';
import { type MappedSource, type PageProgram, pageFolder } from './page-program';

export interface DocsProgram {
  /** Names exported by @cartograph/core, auto-imported into every page. */
  coreExports: string[];
  /** Type errors of one page, formatted with page lines; empty when it compiles. */
  check(page: PageProgram): string[];
}

interface VirtualFile {
  text: string;
  source: MappedSource | undefined;
  page: PageProgram | undefined;
}

/** The compiler options of tsconfig.json, as pages see them: ES modules (top-level await), no emit. */
export function docsCompilerOptions(root: string): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
  return {
    ...parsed.options,
    module: ts.ModuleKind.ES2022,
    noEmit: true,
    types: ['node'],
    sourceMap: false,
    declaration: false,
    declarationMap: false,
  };
}

/**
 * Reads core's exports with a first program, then builds the pages' program reusing its files.
 * `pages` is called with the export names so that it can build the page sources.
 */
export function createDocsProgram(
  root: string,
  pagesFor: (coreExports: string[]) => PageProgram[],
): {
  program: DocsProgram;
  pages: PageProgram[];
} {
  const options = docsCompilerOptions(root);
  const virtual = new Map<string, VirtualFile>();
  const host = virtualHost(root, options, virtual);
  const coreIndex = path.join(root, 'packages/core/src/index.ts');
  const first = ts.createProgram([coreIndex], options, host);
  const checker = first.getTypeChecker();
  const coreFile = first.getSourceFile(coreIndex);
  const coreSymbol = coreFile && checker.getSymbolAtLocation(coreFile);
  if (!coreSymbol) throw new Error(`cannot read the exports of ${coreIndex}`);
  const coreExports = checker
    .getExportsOfModule(coreSymbol)
    .map((symbol) => symbol.name)
    .filter((name) => name !== 'default')
    .sort();

  const pages = pagesFor(coreExports);
  const globals = path.join(root, '.docs-check', 'page-globals.d.ts');
  virtual.set(globals, { text: PAGE_GLOBALS_DECLARATION, source: undefined, page: undefined });
  const roots = [globals];
  const filesOf = new Map<PageProgram, string[]>();
  for (const page of pages) {
    const folder = pageFolder(root, page.name);
    const main = path.join(folder, '__page__.ts');
    const own = [main];
    virtual.set(main, { text: page.check.text, source: page.check, page });
    for (const file of page.files) {
      const full = path.join(folder, file.relative);
      virtual.set(full, { text: file.source.text, source: file.source, page });
      own.push(full);
    }
    filesOf.set(page, own);
    roots.push(...own);
  }
  const program = ts.createProgram(roots, options, host, first);
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length > 0) throw new Error(ts.formatDiagnostics(global, formatHost(root)));

  return {
    pages,
    program: {
      coreExports,
      check(page) {
        const errors = page.problems.map((problem) => `${page.name}:${problem.line} ${problem.message}`);
        for (const file of filesOf.get(page) ?? []) {
          const sourceFile = program.getSourceFile(file);
          const entry = virtual.get(file);
          if (!sourceFile || !entry?.source) continue;
          for (const diagnostic of ts.getPreEmitDiagnostics(program, sourceFile)) {
            errors.push(formatAtPage(page.name, entry.source, diagnostic));
          }
        }
        return errors;
      },
    },
  };
}

function formatAtPage(pageName: string, source: MappedSource, diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ');
  if (!diagnostic.file || diagnostic.start === undefined)
    return `${pageName} TS${diagnostic.code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const origin = source.origins[line];
  // A position outside every block is on a generated line: the auto-import header, most likely.
  if (!origin)
    return `${pageName} (generated line: ${diagnostic.file.text.split('\n')[line]}) TS${diagnostic.code}: ${message}`;
  return `${pageName}:${origin.line}:${origin.indent + character + 1} TS${diagnostic.code}: ${message}`;
}

function formatHost(root: string): ts.FormatDiagnosticsHost {
  return { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
}

/**
 * The default compiler host, plus the pages' virtual files. Bare imports that do not resolve from
 * the page's folder are resolved from each workspace package, so a page may import what any
 * package depends on (@nestjs/common from packages/nestjs, ajv from packages/core).
 */
function virtualHost(
  root: string,
  options: ts.CompilerOptions,
  virtual: Map<string, VirtualFile>,
): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const packageDirs = workspacePackageDirs(root);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const entry = virtual.get(path.resolve(fileName));
    if (entry) return ts.createSourceFile(fileName, entry.text, languageVersion, true, ts.ScriptKind.TS);
    return getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  host.fileExists = (fileName) => virtual.has(path.resolve(fileName)) || fileExists(fileName);
  host.readFile = (fileName) => virtual.get(path.resolve(fileName))?.text ?? readFile(fileName);
  const cache = ts.createModuleResolutionCache(root, (f) => f, options);
  const moduleHost: ts.ModuleResolutionHost = {
    fileExists: host.fileExists,
    readFile: host.readFile,
    directoryExists: (dir) =>
      ts.sys.directoryExists(dir) || [...virtual.keys()].some((f) => f.startsWith(`${dir}/`)),
    realpath: ts.sys.realpath,
    getCurrentDirectory: () => root,
  };
  host.resolveModuleNameLiterals = (literals, containingFile, _redirect, compilerOptions) =>
    literals.map((literal) => {
      const name = literal.text;
      const first = ts.resolveModuleName(name, containingFile, compilerOptions, moduleHost, cache);
      if (first.resolvedModule || name.startsWith('.') || !isVirtual(containingFile, virtual)) return first;
      for (const dir of packageDirs) {
        const next = ts.resolveModuleName(name, path.join(dir, 'index.ts'), compilerOptions, moduleHost);
        if (next.resolvedModule) return next;
      }
      return first;
    });
  return host;
}

function isVirtual(file: string, virtual: Map<string, VirtualFile>): boolean {
  return virtual.has(path.resolve(file));
}

/** packages/* and examples/* folders, in that order (each in name order). */
export function workspacePackageDirs(root: string): string[] {
  return ['packages', 'examples'].flatMap((folder) =>
    fs
      .readdirSync(path.join(root, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(root, folder, entry.name))
      .sort(),
  );
}
