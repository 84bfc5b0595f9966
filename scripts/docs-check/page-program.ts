// One Markdown page as one program: its blocks joined in page order (later blocks see what earlier
// ones declared), with every export of @cartograph/core in scope unless the page declares or
// imports that name itself, and a map from each program line back to the page line.
import * as path from 'node:path';
import ts from 'typescript';
import { type CodeBlock, extractBlocks, type MarkerProblem } from './markdown-blocks';

/** Where a line of generated source came from: a page line, and the fence's indentation. */
export interface Origin {
  line: number;
  indent: number;
}

/** Generated TypeScript and, per line of it (0-based), the page line it came from. */
export interface MappedSource {
  text: string;
  origins: Array<Origin | undefined>;
}

export interface PageFile {
  /** Path relative to the page's working folder, as written in `file=`. */
  relative: string;
  source: MappedSource;
}

export interface PageProgram {
  /** The page, relative to the repository ('docs/query-guide.md'), as errors name it. */
  name: string;
  /** Every block but `file=` ones: what is type-checked. */
  check: MappedSource;
  /** Hidden and runnable blocks, each after a `__docsAt(line)` marker: what is run. */
  run: MappedSource;
  files: PageFile[];
  problems: MarkerProblem[];
  /** True when at least one block runs (a page of compile-only blocks is only type-checked). */
  runs: boolean;
  /** Page line of every runnable block, in order (the markers' arguments). */
  runLines: number[];
}

/** The marker the run source calls before each block, so a failure names the block. */
export const BLOCK_MARKER = '__docsAt';

export function buildPageProgram(
  name: string,
  markdown: string,
  autoImports: readonly string[],
): PageProgram {
  const { blocks, problems } = extractBlocks(markdown);
  const inProgram = blocks.filter((block) => block.kind !== 'file');
  const runnable = inProgram.filter((block) => block.kind === 'run' || block.kind === 'hidden');
  return {
    name,
    check: join(autoImport(inProgram, autoImports), inProgram, false),
    // Computed again: a name a compile-only block imports is still auto-imported for the run.
    run: join(autoImport(runnable, autoImports), runnable, true),
    files: blocks
      .filter(
        (block): block is CodeBlock & { file: string } => block.kind === 'file' && block.file !== undefined,
      )
      .map((block) => ({ relative: block.file, source: join('', [block], false) })),
    problems,
    runs: runnable.some((block) => block.kind === 'run'),
    runLines: runnable.map((block) => block.line),
  };
}

/** The header line importing every core export that the blocks do not bind themselves. */
function autoImport(blocks: CodeBlock[], autoImports: readonly string[]): string {
  const declared = topLevelNames(blocks.flatMap((block) => block.lines).join('\n'));
  const imports = autoImports.filter((exported) => !declared.has(exported));
  return imports.length > 0 ? `import { ${imports.join(', ')} } from '@cartograph/core';` : '';
}

/** Joins blocks under a header line; `;` lines between blocks keep one block's last expression from running into the next. */
function join(header: string, blocks: CodeBlock[], markers: boolean): MappedSource {
  const lines: string[] = [header];
  const origins: Array<Origin | undefined> = [undefined];
  for (const block of blocks) {
    lines.push(markers ? `;${BLOCK_MARKER}(${block.line});` : ';');
    origins.push(undefined);
    block.lines.forEach((line, index) => {
      lines.push(line);
      origins.push({ line: block.line + index, indent: block.indent });
    });
  }
  lines.push('export {};');
  origins.push(undefined);
  return { text: lines.join('\n'), origins };
}

/** Names a page binds at its top level (declarations and imports): auto-imports leave them alone. */
function topLevelNames(code: string): Set<string> {
  const file = ts.createSourceFile('page.ts', code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) names.add(element.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bind(declaration.name);
    } else if (
      (ts.isClassDeclaration(statement) ||
        ts.isFunctionDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/** The virtual folder of a page: its program and `file=` modules live there for the compiler. */
export function pageFolder(root: string, name: string): string {
  return path.join(root, '.docs-check', name.replace(/\.md$/, ''));
}
