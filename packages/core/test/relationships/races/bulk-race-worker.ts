// A separate Node process that runs `Person.relateMany('friends', pairs)` on "go", against another
// one doing the same: each has its own driver. Started by relate-many-races.test.ts through tsx.
import 'reflect-metadata';
import {
  Graph,
  Node,
  NodeEntity,
  Relationship,
  type RelationshipManager,
  StringProperty,
} from '../../../src';
import { Person } from '../../support/social-models';

/** An undirected field without bounds: `(a, b)` and `(b, a)` are one pair. */
@Node()
class Station extends NodeEntity {
  @StringProperty({ unique: true }) name!: string;
  @Relationship(() => Station, 'LINKED_TO') links!: RelationshipManager<Station>;
}

export type BulkWorkerRequest =
  | { kind: 'prepare'; field: 'Person.friends' | 'Station.links'; pairs: { from: string; to: string }[] }
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
  let relate = async () => ({ created: 0, existing: 0 });
  process.on('message', async (request: BulkWorkerRequest) => {
    try {
      if (request.kind === 'prepare') {
        const { field, pairs } = request;
        relate = () =>
          field === 'Person.friends'
            ? Person.relateMany(
                'friends',
                pairs.map((p) => ({ from: { email: p.from }, to: { email: p.to } })),
                { batchSize: 50 },
              )
            : Station.relateMany(
                'links',
                pairs.map((p) => ({ from: { name: p.from }, to: { name: p.to } })),
                { batchSize: 50 },
              );
        send({ kind: 'ready' });
      } else if (request.kind === 'go') {
        const summary = await relate();
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
