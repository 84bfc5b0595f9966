// A separate Node process that races relationship mutations against another one: it connects with
// its own driver, prepares a move when asked (loading the entities), runs it on "go" and reports
// how it ended. Started by concurrency-matrix.test.ts through tsx, talks over the IPC channel.
import { loadMoves, type MoveEntities, outcomeOf, runMove } from './moves';
import { racedField } from './raced-fields';
import type { Move } from './rounds';
import { runWorker, serveRaces } from './worker-loop';

export type WorkerRequest =
  | { kind: 'prepare'; field: string; move: Move }
  | { kind: 'go' }
  | { kind: 'stop' };
export type WorkerReply =
  | { kind: 'started' }
  | { kind: 'ready' }
  | { kind: 'done'; outcome: ReturnType<typeof outcomeOf> }
  | { kind: 'failed'; message: string };

let prepared: { move: Move; entities: MoveEntities } | undefined;

runWorker(() =>
  serveRaces<{ field: string; move: Move }, WorkerReply>({
    async prepare(request) {
      const field = racedField(request.field);
      prepared = { move: request.move, entities: (await loadMoves(field, [request.move]))[0]! };
    },
    async go() {
      const { move, entities } = prepared!;
      const [result] = await Promise.allSettled([runMove(move, entities)]);
      return { kind: 'done', outcome: outcomeOf(result!) };
    },
  }),
);
