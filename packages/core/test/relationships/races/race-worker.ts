// A separate Node process that races relationship mutations against another one: it connects with
// its own driver, prepares a move when asked (loading the entities), runs it on "go" and reports
// how it ended. Started by concurrency-matrix.test.ts through tsx, talks over the IPC channel.
import { Graph } from '../../../src';
import { loadMoves, type MoveEntities, outcomeOf, runMove } from './moves';
import { racedField } from './raced-fields';
import type { Move } from './rounds';

export type WorkerRequest =
  | { kind: 'prepare'; field: string; move: Move }
  | { kind: 'go' }
  | { kind: 'stop' };
export type WorkerReply =
  | { kind: 'started' }
  | { kind: 'ready' }
  | { kind: 'done'; outcome: ReturnType<typeof outcomeOf> }
  | { kind: 'failed'; message: string };

const send = (reply: WorkerReply) => process.send!(reply);

async function main(): Promise<void> {
  const graph = await Graph.connect({
    url: process.env.NEO4J_URI!,
    auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
    default: true,
    // RACE_RETRY_MS=0: a transient failure (a deadlock) reaches the caller instead of being retried.
    ...(process.env.RACE_RETRY_MS ? { maxTransactionRetryTimeMs: Number(process.env.RACE_RETRY_MS) } : {}),
  });
  let prepared: { move: Move; entities: MoveEntities } | undefined;
  process.on('message', async (request: WorkerRequest) => {
    try {
      if (request.kind === 'prepare') {
        const field = racedField(request.field);
        prepared = { move: request.move, entities: (await loadMoves(field, [request.move]))[0]! };
        send({ kind: 'ready' });
      } else if (request.kind === 'go') {
        const { move, entities } = prepared!;
        const [result] = await Promise.allSettled([runMove(move, entities)]);
        send({ kind: 'done', outcome: outcomeOf(result!) });
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
