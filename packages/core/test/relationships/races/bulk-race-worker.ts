// A separate Node process that runs `Person.relateMany('friends', pairs)` on "go", against another
// one doing the same: each has its own driver. Started by relate-many-races.test.ts through tsx.
import { Graph } from '../../../src';
import { Person } from '../../support/social-models';

export type BulkWorkerRequest =
  | { kind: 'prepare'; pairs: { from: string; to: string }[] }
  | { kind: 'go' }
  | { kind: 'stop' };
export type BulkWorkerReply =
  | { kind: 'started' }
  | { kind: 'ready' }
  | { kind: 'done'; created: number; existing: number }
  | { kind: 'failed'; message: string };

const send = (reply: BulkWorkerReply) => process.send!(reply);

async function main(): Promise<void> {
  const graph = await Graph.connect({
    url: process.env.NEO4J_URI!,
    auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
    default: true,
  });
  let pairs: { from: { email: string }; to: { email: string } }[] = [];
  process.on('message', async (request: BulkWorkerRequest) => {
    try {
      if (request.kind === 'prepare') {
        pairs = request.pairs.map((p) => ({ from: { email: p.from }, to: { email: p.to } }));
        send({ kind: 'ready' });
      } else if (request.kind === 'go') {
        const summary = await Person.relateMany('friends', pairs, { batchSize: 50 });
        send({ kind: 'done', created: summary.created, existing: summary.existing });
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
