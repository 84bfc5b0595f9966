// The test's handle on a race worker process: one request at a time, one reply each.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { WorkerReply, WorkerRequest } from './race-worker';

export class RaceWorker {
  private constructor(private readonly child: ChildProcess) {}

  /**
   * Starts `race-worker.ts` under tsx; resolves once it has connected to Neo4j. `env` adds to the
   * test's environment (`RACE_RETRY_MS`).
   */
  static async start(env: Record<string, string> = {}): Promise<RaceWorker> {
    const child = fork(path.join(__dirname, 'race-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker = new RaceWorker(child);
    await worker.next('started');
    return worker;
  }

  /** Sends `request` and waits for the reply of the `expected` kind. */
  async ask<K extends WorkerReply['kind']>(
    request: WorkerRequest,
    expected: K,
  ): Promise<Extract<WorkerReply, { kind: K }>> {
    const reply = this.next(expected);
    this.child.send(request);
    return reply;
  }

  async stop(): Promise<void> {
    if (!this.child.connected) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ kind: 'stop' } satisfies WorkerRequest);
    await exited;
  }

  private next<K extends WorkerReply['kind']>(expected: K): Promise<Extract<WorkerReply, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`race worker exited with ${code}`));
      this.child.once('exit', onExit);
      this.child.once('message', (reply: WorkerReply) => {
        this.child.off('exit', onExit);
        if (reply.kind === expected) resolve(reply as Extract<WorkerReply, { kind: K }>);
        else reject(new Error(`race worker replied ${JSON.stringify(reply)}, expected ${expected}`));
      });
    });
  }
}
