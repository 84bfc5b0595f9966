import { CommanderError } from 'commander';
import { createProgram } from './program';
import type { CliRuntime } from './runtime/action';
import { ExitCode, type ExitCodeValue } from './runtime/exit-codes';
import type { CliIO } from './runtime/output';
import { redact } from './runtime/redact';

/** The real process's streams, environment and working directory. */
export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
  };
}

/**
 * Runs the CLI with `args` (without `node` and the script path) and resolves to its exit code.
 * Never calls `process.exit`, so it can run inside tests and other programs.
 */
export async function runCli(args: readonly string[], io: CliIO = processIO()): Promise<ExitCodeValue> {
  const runtime: CliRuntime = { io, exitCode: ExitCode.Ok };
  const program = createProgram(runtime);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return runtime.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with code 0; everything else commander rejects is a usage error.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    throw error;
  }
}

/** Entry point of bin/cartograph.js. */
export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const text = `cartograph: unexpected error: ${(error as Error).stack ?? String(error)}\n`;
      process.stderr.write(redact(text, [process.env.NEO4J_PASSWORD ?? '']));
      process.exitCode = ExitCode.CheckFailed;
    },
  );
}
