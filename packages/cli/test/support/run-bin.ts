import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI_ROOT = path.resolve(__dirname, '..', '..');
/** The real `cartograph` executable. */
export const BIN = path.join(CLI_ROOT, 'bin', 'cartograph.js');
const SOURCE_MODE = path.join(CLI_ROOT, 'bin', 'source-mode.js');

/** What a child process did. */
export interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node args...` and resolves when it exits (never rejects on a non-zero exit code). */
export function runNode(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...args],
      // Always the current sources (a stale dist/ must not decide the result); no colour codes.
      {
        cwd,
        env: { ...process.env, CARTOGRAPH_CLI_FROM_SOURCE: '1', NO_COLOR: '1', ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`node ${args.join(' ')} did not run: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** Runs the `cartograph` binary in `cwd`. */
export function runBin(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessResult> {
  return runNode([BIN, ...args], cwd, env);
}

/** Runs a TypeScript file of a temp project the way the CLI loads models (tsx, workspace sources). */
export function runTypeScript(
  file: string,
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessResult> {
  return runNode(['--require', SOURCE_MODE, file], cwd, env);
}

/**
 * A project folder under the OS temp dir with `@cartograph/*` "installed": node_modules links to
 * the workspace packages, as `pnpm add @cartograph/cli` would give a user.
 */
export function createTempProject(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const scope = path.join(dir, 'node_modules', '@cartograph');
  mkdirSync(scope, { recursive: true });
  for (const name of ['core', 'cypher', 'schema', 'migrations', 'cli']) {
    symlinkSync(path.resolve(CLI_ROOT, '..', name), path.join(scope, name), 'dir');
  }
  return dir;
}
