// The loop every race worker process runs (see WorkerProcess for the test's side): connect with a
// driver of its own, answer "prepare" with "ready" and "go" with what the race did, close on
// "stop", and report any failure as "failed" with its stack.
import { Graph } from '../../../src';

type Request<P> = { kind: 'prepare' } & P;

/** What a worker does with the two requests that differ between races. */
export interface RaceHandlers<P, Done> {
  /** Gets ready to race (loads entities, builds the calls), so that "go" starts at once. */
  prepare(request: Request<P>): Promise<void> | void;
  /** Races, and describes how it ended. */
  go(): Promise<Done>;
}

/**
 * Connects (RACE_RETRY_MS=0 turns retries off, so that a deadlock reaches the caller), then serves
 * requests until "stop". Sends "started" once connected.
 */
export async function serveRaces<P, Done>(handlers: RaceHandlers<P, Done>): Promise<void> {
  const send = (reply: unknown) => process.send!(reply);
  const graph = await Graph.connect({
    url: process.env.NEO4J_URI!,
    auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
    default: true,
    ...(process.env.RACE_RETRY_MS ? { maxTransactionRetryTimeMs: Number(process.env.RACE_RETRY_MS) } : {}),
  });
  process.on('message', async (request: Request<P> | { kind: 'go' } | { kind: 'stop' }) => {
    try {
      if (request.kind === 'prepare') {
        await handlers.prepare(request as Request<P>);
        send({ kind: 'ready' });
      } else if (request.kind === 'go') {
        send(await handlers.go());
      } else {
        await graph.close();
        process.disconnect();
      }
    } catch (error) {
      send({ kind: 'failed', message: String((error as Error).stack ?? error) });
    }
  });
  send({ kind: 'started' });
}

/** Runs `serve` as the process's main, exiting with 1 when it cannot start. */
export function runWorker(serve: () => Promise<void>): void {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
