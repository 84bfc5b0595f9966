// The test's handle on a worker process (a race worker with its own driver): one request at a
// time, one reply each. `Request` and `Reply` are the worker's message unions, told apart by `kind`.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { WorkerReply, WorkerRequest } from './race-worker';

type Message = { kind: string };

export class WorkerProcess<Request extends Message, Reply extends Message> {
  private constructor(private readonly child: ChildProcess) {}

  /**
   * Starts `file` (in this folder) under tsx; resolves once it replies `started`, which it sends
   * after connecting to Neo4j. `env` adds to the test's environment.
   */
  static async start<Request extends Message, Reply extends Message>(
    file: string,
    env: Record<string, string> = {},
  ): Promise<WorkerProcess<Request, Reply>> {
    const child = fork(path.join(__dirname, file), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker = new WorkerProcess<Request, Reply>(child);
    await worker.next('started');
    return worker;
  }

  /** Sends `request` and waits for the reply of the `expected` kind. */
  async ask<K extends Reply['kind']>(request: Request, expected: K): Promise<Extract<Reply, { kind: K }>> {
    const reply = this.next(expected);
    this.child.send(request);
    return reply;
  }

  /** Asks the worker to close its driver and waits for it to exit. */
  async stop(): Promise<void> {
    if (!this.child.connected) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ kind: 'stop' });
    await exited;
  }

  private next<K extends string>(expected: K): Promise<Extract<Reply, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`worker exited with ${code}`));
      this.child.once('exit', onExit);
      this.child.once('message', (reply: Reply) => {
        this.child.off('exit', onExit);
        if (reply.kind === expected) resolve(reply as Extract<Reply, { kind: K }>);
        else reject(new Error(`worker replied ${JSON.stringify(reply)}, expected ${expected}`));
      });
    });
  }
}

/** The cardinality race worker (`race-worker.ts`): one mutation per "go". */
export type RaceWorker = WorkerProcess<WorkerRequest, WorkerReply>;

export const RaceWorker = {
  /** `env` adds to the test's environment (`RACE_RETRY_MS`). */
  start: (env: Record<string, string> = {}): Promise<RaceWorker> =>
    WorkerProcess.start<WorkerRequest, WorkerReply>('race-worker.ts', env),
};
