import Table from 'cli-table3';
import pc from 'picocolors';
import { redact } from './redact';

/** Where the CLI writes: a process stream, or a string buffer in tests. */
export interface Writer {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** The process surroundings a command runs in; tests pass their own. */
export interface CliIO {
  readonly stdout: Writer;
  readonly stderr: Writer;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The stream a progress bar may redraw; only given when it is a real terminal. */
  readonly progressStream?: NodeJS.WritableStream;
}

/** The colour functions of picocolors. */
export type Colors = ReturnType<typeof pc.createColors>;

/** Whether to colour `stream`: a terminal, unless NO_COLOR or `--no-color`; FORCE_COLOR forces it. */
export function colorEnabled(stream: Writer, env: NodeJS.ProcessEnv, flag: boolean): boolean {
  if (!flag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * Everything a command prints goes through here, so that colour follows the terminal, `--json`
 * keeps stdout machine-readable, and no secret (the Neo4j password) ever reaches either stream.
 */
export class Output {
  readonly #io: CliIO;
  readonly #secrets = new Set<string>();
  /** Colours for stdout; all identity functions when stdout is not a colour terminal. */
  readonly colors: Colors;
  /** Colours for stderr, which may be a terminal when stdout is not (or the other way round). */
  readonly errColors: Colors;

  constructor(
    io: CliIO,
    /** stdout carries one JSON document and nothing else. */
    readonly json: boolean,
    color: boolean,
  ) {
    this.#io = io;
    this.colors = pc.createColors(!json && colorEnabled(io.stdout, io.env, color));
    this.errColors = pc.createColors(colorEnabled(io.stderr, io.env, color));
  }

  /** Never print `secret`, whatever message it turns up in. */
  addSecret(secret: string | undefined): void {
    if (secret) this.#secrets.add(secret);
  }

  /** Removes every known secret from `text`. */
  redact(text: string): string {
    return redact(text, this.#secrets);
  }

  /** A line of the command's result on stdout; suppressed with `--json`, whose document is the result. */
  line(text = ''): void {
    if (!this.json) this.#io.stdout.write(`${this.redact(text)}\n`);
  }

  /** The result as JSON on stdout (only with `--json`). */
  data(value: unknown): void {
    if (this.json) this.#io.stdout.write(`${this.redact(JSON.stringify(value, jsonReplacer, 2))}\n`);
  }

  /** A progress note on stderr, so it never mixes with results or JSON. */
  note(text: string): void {
    this.#io.stderr.write(`${this.redact(text)}\n`);
  }

  /** A warning on stderr. */
  warn(text: string): void {
    this.note(`${this.errColors.yellow('warning')} ${text}`);
  }

  /** An error message on stderr (the command's exit code says it failed). */
  error(text: string): void {
    this.note(`${this.errColors.red('error')} ${text}`);
  }

  /** An aligned table on stdout (borderless, so it stays readable in logs and easy to grep). */
  table(head: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): void {
    const table = new Table({
      head: head.map((title) => this.colors.bold(title)),
      chars: BORDERLESS,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 2 },
    });
    for (const row of rows) table.push([...row]);
    this.line(table.toString().replace(/[ \t]+$/gm, ''));
  }

  /** The stream a progress bar may draw on: stderr when it is a terminal and not in JSON mode. */
  get progressStream(): NodeJS.WritableStream | undefined {
    return this.#io.progressStream;
  }
}

const BORDERLESS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '',
};

/** Dates as ISO strings, bigints as strings, Maps as objects: what JSON readers expect. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}
