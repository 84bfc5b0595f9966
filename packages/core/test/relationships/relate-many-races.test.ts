// `Model.relateMany` on a field without cardinality bounds takes no node locks: it finds both ends
// by key, then MERGEs each pair, and MERGE between bound nodes locks them before it creates and
// looks again. Two processes, each with its own driver, relate the same pairs at the same instant,
// round after round; after each round plain Cypher counts every pair: each must exist exactly once,
// and the two summaries together must report each pair created once.
import { fork } from 'node:child_process';
import path from 'node:path';
import { Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';
import type { BulkWorkerReply, BulkWorkerRequest } from './races/bulk-race-worker';

const { graph } = useTestGraph();

const ROUNDS = 20;
const PEOPLE = 12;
const email = (i: number) => `friend${i}@example.com`;

/** Every ordered pair of distinct people: 132 pairs over 12 nodes, so the two writers collide. */
const allPairs = Array.from({ length: PEOPLE }, (_, i) =>
  Array.from({ length: PEOPLE }, (_, j) => ({ from: email(i), to: email(j) })),
)
  .flat()
  .filter((p) => p.from !== p.to);

class BulkWorker {
  private constructor(private readonly child: ReturnType<typeof fork>) {}

  static async start(): Promise<BulkWorker> {
    const child = fork(path.join(__dirname, 'races', 'bulk-race-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker = new BulkWorker(child);
    await worker.next('started');
    return worker;
  }

  ask<K extends BulkWorkerReply['kind']>(request: BulkWorkerRequest, expected: K) {
    const reply = this.next(expected);
    this.child.send(request);
    return reply;
  }

  async stop(): Promise<void> {
    if (!this.child.connected) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ kind: 'stop' } satisfies BulkWorkerRequest);
    await exited;
  }

  private next<K extends BulkWorkerReply['kind']>(
    expected: K,
  ): Promise<Extract<BulkWorkerReply, { kind: K }>> {
    return new Promise((resolve, reject) => {
      this.child.once('message', (reply: BulkWorkerReply) => {
        if (reply.kind === expected) resolve(reply as Extract<BulkWorkerReply, { kind: K }>);
        else reject(new Error(`worker replied ${JSON.stringify(reply)}, expected ${expected}`));
      });
    });
  }
}

let workers: BulkWorker[] = [];
beforeAll(async () => {
  workers = await Promise.all([BulkWorker.start(), BulkWorker.start()]);
}, 60_000);
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
});

beforeEach(async () => {
  await clearGraph(graph());
  await Person.createMany(
    Array.from({ length: PEOPLE }, (_, i) => ({ email: email(i), name: `Friend ${i}` })),
  );
  await graph().driver.executeQuery('UNWIND $names AS name CREATE (:Station {name: name})', {
    names: Array.from({ length: PEOPLE }, (_, i) => `station${i}`),
  });
});

it('creates every pair exactly once when two processes relateMany the same unbounded pairs at once', async () => {
  const problems: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await graph().driver.executeQuery('MATCH ()-[k:KNOWS]->() DELETE k');
    // One writer walks the pairs forwards, the other backwards: they meet in the middle.
    await workers[0]!.ask({ kind: 'prepare', field: 'Person.friends', pairs: allPairs }, 'ready');
    await workers[1]!.ask(
      { kind: 'prepare', field: 'Person.friends', pairs: [...allPairs].reverse() },
      'ready',
    );
    const replies = await Promise.all(workers.map((worker) => worker.ask({ kind: 'go' }, 'done')));
    const { records } = await graph().driver.executeQuery(
      `MATCH (a:Person)-[k:KNOWS]->(b:Person) WITH a, b, count(k) AS c
         RETURN count(*) AS pairs, sum(c) AS relationships`,
    );
    const pairs = records[0]!.get('pairs').toNumber();
    const relationships = records[0]!.get('relationships').toNumber();
    const created = replies[0]!.created + replies[1]!.created;
    if (pairs !== allPairs.length || relationships !== allPairs.length || created !== allPairs.length) {
      problems.push(
        `round ${round}: ${pairs} pairs, ${relationships} relationships, ${created} reported created`,
      );
    }
  }

  expect(problems).toEqual([]);
}, 300_000);

it('creates every undirected pair exactly once when two processes relate it in opposite directions at once', async () => {
  const problems: string[] = [];
  // Each unordered pair once, one writer as (a, b), the other as (b, a).
  const station = (name: string) => name.replace('friend', 'station').replace('@example.com', '');
  const forwards = allPairs
    .filter((p) => p.from < p.to)
    .map((p) => ({ from: station(p.from), to: station(p.to) }));
  const backwards = forwards.map((p) => ({ from: p.to, to: p.from })).reverse();
  for (let round = 0; round < ROUNDS; round++) {
    await graph().driver.executeQuery('MATCH ()-[l:LINKED_TO]->() DELETE l');
    await workers[0]!.ask({ kind: 'prepare', field: 'Station.links', pairs: forwards }, 'ready');
    await workers[1]!.ask({ kind: 'prepare', field: 'Station.links', pairs: backwards }, 'ready');
    const replies = await Promise.all(workers.map((worker) => worker.ask({ kind: 'go' }, 'done')));
    const { records } = await graph().driver.executeQuery(
      `MATCH (a:Station)-[l:LINKED_TO]-(b:Station) WHERE elementId(a) < elementId(b)
         WITH a, b, count(l) AS c RETURN count(*) AS pairs, sum(c) AS relationships`,
    );
    const pairs = records[0]!.get('pairs').toNumber();
    const relationships = records[0]!.get('relationships').toNumber();
    const created = replies[0]!.created + replies[1]!.created;
    if (pairs !== forwards.length || relationships !== forwards.length || created !== forwards.length) {
      problems.push(
        `round ${round}: ${pairs} pairs, ${relationships} relationships, ${created} reported created`,
      );
    }
  }

  expect(problems).toEqual([]);
}, 300_000);
