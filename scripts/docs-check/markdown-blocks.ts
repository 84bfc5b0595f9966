// Finds the TypeScript of a Markdown page: its fenced ```ts blocks and its hidden `<!-- ts hidden`
// comments, in page order, with the page line each code line came from. The conventions are
// described in CONTRIBUTING.md ("Docs are tested"); this file is their one implementation.

/** How the checker treats a block. */
export type BlockKind =
  /** Type-checked and run as part of the page program. */
  | 'run'
  /** Type-checked as part of the page program, not run (`reason` says why). */
  | 'compile-only'
  /** Type-checked and run like `run`, but inside an HTML comment, so readers do not see it
   * (`<!-- ts hidden file=x.ts` makes it a hidden `file` block instead). */
  | 'hidden'
  /** A module of its own (`file` is its path, relative to the page's working folder). */
  | 'file';

export interface CodeBlock {
  kind: BlockKind;
  /** 1-based page line of the block's first code line. */
  line: number;
  /** The code, one entry per page line, indentation of the fence removed. */
  lines: string[];
  /** Columns the fence was indented by (a block inside a list item), for error positions. */
  indent: number;
  /** compile-only and hidden: why. */
  reason?: string;
  /** file: where it is written, relative to the page's working folder. */
  file?: string;
}

/** A marker the checker cannot follow: reported like a type error, at the marker's line. */
export interface MarkerProblem {
  line: number;
  message: string;
}

export interface PageBlocks {
  blocks: CodeBlock[];
  problems: MarkerProblem[];
}

const CHECKED_LANGUAGES = new Set(['ts', 'typescript']);
const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`]*)$/;
const HIDDEN_OPEN = /^<!--\s*ts hidden\b(?:\s+file=(\S+?))?\s*(?::\s*(.*?))?\s*$/;
const FILE_OPTION = /^file=(\S+)$/;
const COMPILE_ONLY = /^compile-only(?::\s*(.*))?$/;

/** Splits a page into its checked code blocks (other languages are skipped) and marker problems. */
export function extractBlocks(markdown: string): PageBlocks {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  const problems: MarkerProblem[] = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i] ?? '';
    const hidden = HIDDEN_OPEN.exec(text);
    if (hidden) {
      const end = findLine(lines, i + 1, (line) => line.trim() === '-->');
      if (end < 0) {
        problems.push({
          line: i + 1,
          message: 'a `<!-- ts hidden` comment must end with a line holding only `-->`',
        });
        return { blocks, problems };
      }
      const code = { line: i + 2, lines: lines.slice(i + 1, end), indent: 0, reason: hidden[2] || undefined };
      const file = hidden[1] && checkFile(hidden[1], i + 1, problems);
      if (hidden[1] === undefined) blocks.push({ kind: 'hidden', ...code });
      else if (file) blocks.push({ kind: 'file', file, ...code });
      i = end + 1;
      continue;
    }
    const fence = FENCE.exec(text);
    if (!fence) {
      i += 1;
      continue;
    }
    const [, indent = '', marker = '', info = ''] = fence;
    const end = findLine(lines, i + 1, (line) => closesFence(line, marker));
    const last = end < 0 ? lines.length : end;
    const [language = '', ...rest] = info.trim().split(/\s+/);
    if (CHECKED_LANGUAGES.has(language.toLowerCase())) {
      const code = lines.slice(i + 1, last).map((line) => stripIndent(line, indent.length));
      const block = classify(rest.join(' '), i + 1, problems);
      if (block) blocks.push({ ...block, line: i + 2, lines: code, indent: indent.length });
    }
    i = last + 1;
  }
  return { blocks, problems };
}

/** Reads the words after `ts` in a fence's info string. */
function classify(
  options: string,
  fenceLine: number,
  problems: MarkerProblem[],
): Pick<CodeBlock, 'kind' | 'reason' | 'file'> | undefined {
  if (options === '') return { kind: 'run' };
  const compileOnly = COMPILE_ONLY.exec(options);
  if (compileOnly) {
    const reason = compileOnly[1]?.trim();
    if (!reason) {
      problems.push({
        line: fenceLine,
        message: 'a compile-only block needs a reason: ```ts compile-only: needs a Neo4j cluster',
      });
      return undefined;
    }
    return { kind: 'compile-only', reason };
  }
  const file = FILE_OPTION.exec(options);
  if (file?.[1]) {
    const relative = checkFile(file[1], fenceLine, problems);
    return relative ? { kind: 'file', file: relative } : undefined;
  }
  problems.push({
    line: fenceLine,
    message: `unknown block option "${options}": use \`\`\`ts, \`\`\`ts compile-only: <reason> or \`\`\`ts file=<path>`,
  });
  return undefined;
}

/** A `file=` path: relative, inside the page's folder, TypeScript. */
function checkFile(file: string, line: number, problems: MarkerProblem[]): string | undefined {
  if (!file.startsWith('/') && !file.split('/').includes('..') && /\.tsx?$/.test(file)) return file;
  problems.push({ line, message: `file=${file}: give a relative .ts path inside the page's folder` });
  return undefined;
}

function findLine(lines: string[], from: number, matches: (line: string) => boolean): number {
  for (let i = from; i < lines.length; i += 1) if (matches(lines[i] ?? '')) return i;
  return -1;
}

/** CommonMark: a closing fence uses the opening character, at least as many, and nothing else. */
function closesFence(line: string, opening: string): boolean {
  const trimmed = line.trim();
  const char = opening[0] ?? '`';
  return trimmed.length >= opening.length && [...trimmed].every((c) => c === char);
}

function stripIndent(line: string, indent: number): string {
  let cut = 0;
  while (cut < indent && line[cut] === ' ') cut += 1;
  return line.slice(cut);
}
