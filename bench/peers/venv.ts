// The Python side of the bench lives in a virtual environment the bench creates itself
// (bench/.bench-venv, gitignored) from bench/peers/py/requirements.txt, pinned. When Python or the
// package index is not there, the Python systems are reported as unavailable and the run goes on.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const VENV = process.env.BENCH_VENV ?? join(__dirname, '..', '.bench-venv');
const REQUIREMENTS = join(__dirname, 'py', 'requirements.txt');
/** A copy of the requirements the environment was last installed from. */
const INSTALLED = join(VENV, 'installed-requirements.txt');

export type PythonSetup = { python: string } | { unavailable: string };

export async function ensurePython(): Promise<PythonSetup> {
  const python = join(VENV, 'bin', 'python');
  const wanted = readFileSync(REQUIREMENTS, 'utf8');
  try {
    if (existsSync(INSTALLED) && readFileSync(INSTALLED, 'utf8') === wanted) return { python };
    process.stderr.write(`setting up ${VENV} (neomodel and the Python driver)...\n`);
    if (!existsSync(python)) await run(process.env.BENCH_PYTHON ?? 'python3', ['-m', 'venv', VENV]);
    await run(
      python,
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS],
      {
        maxBuffer: 16 << 20,
      },
    );
    writeFileSync(INSTALLED, wanted);
    return { python };
  } catch (error) {
    const output = error as { stderr?: string; message?: string };
    const reason = (output.stderr || output.message || String(error)).trim().split('\n').pop() ?? '';
    return { unavailable: reason.slice(0, 200) };
  }
}
