// A system's child process as the parent sees it: messages in, commands out (see ChildMessage).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type ChildMessage, type Command, type Job, MESSAGE_PREFIX } from './protocol';

export const PYTHON_SYSTEMS: readonly string[] = ['neomodel', 'raw-py'];

export class SystemProcess {
  readonly #child: ChildProcess;
  readonly #messages: ChildMessage[] = [];
  #waiting: ((message: ChildMessage) => void) | undefined;
  #stdout = '';
  #stderr = '';
  #exited = false;

  /** Starts the system's child for one run of `job` (Python systems under `python`). */
  constructor(system: string, job: Job, python: string | undefined) {
    const [command, args] = PYTHON_SYSTEMS.includes(system)
      ? [python ?? 'python3', [join(__dirname, 'py', 'child.py'), system, JSON.stringify(job)]]
      : [process.execPath, ['--import', 'tsx', join(__dirname, 'child.ts'), system, JSON.stringify(job)]];
    this.#child = spawn(command, args, {
      // The same compiled packages as the parent (see bench/tsconfig.json).
      env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '..', 'tsconfig.json') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A command written to a child that has just died fails with EPIPE; its exit is reported instead.
    this.#child.stdin!.on('error', () => undefined);
    this.#child.stdout!.on('data', (chunk: Buffer) => this.#read(chunk.toString()));
    this.#child.stderr!.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-2000);
    });
    // A child that dies is reported as an error message, after whatever it printed before.
    this.#child.on('close', (code) => {
      this.#exited = true;
      const tail = this.#stderr.trim().split('\n').slice(-3).join(' | ');
      this.#push({ error: `exited (code ${code}) without a report; stderr: ${tail}` });
    });
    this.#child.on('error', (error) => this.#push({ error: `could not start: ${error.message}` }));
  }

  /** The child's next message, or `'timeout'` (the child is then killed) after `seconds`. */
  next(seconds: number): Promise<ChildMessage | 'timeout'> {
    const queued = this.#messages.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting = undefined;
        this.kill();
        resolve('timeout');
      }, seconds * 1000);
      this.#waiting = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
  }

  send(command: Command): void {
    if (!this.#exited) this.#child.stdin!.write(`${command}\n`);
  }

  kill(): void {
    if (!this.#exited) this.#child.kill('SIGKILL');
  }

  #read(text: string): void {
    this.#stdout += text;
    const lines = this.#stdout.split('\n');
    this.#stdout = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(MESSAGE_PREFIX)) this.#push(JSON.parse(line.slice(MESSAGE_PREFIX.length)));
    }
  }

  #push(message: ChildMessage): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) waiting(message);
    else this.#messages.push(message);
  }
}
