import type { CliIO } from '../../src/runtime/output';

/** A CliIO whose output the test can read back. */
export interface CapturedIO {
  readonly io: CliIO;
  stdout(): string;
  stderr(): string;
}

/** Streams that collect text; no terminal unless `tty` (so no colour and no progress bar). */
export function captureIO(
  options: { cwd?: string; env?: NodeJS.ProcessEnv; tty?: boolean } = {},
): CapturedIO {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (text: string) => out.push(text), isTTY: options.tty },
      stderr: { write: (text: string) => err.push(text), isTTY: options.tty },
      env: options.env ?? {},
      cwd: options.cwd ?? process.cwd(),
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
