// `Model.relateMany`, `Model.relate` and `connect` on a field without cardinality bounds take no
// node locks: they find both ends (by key, or by element id), then MERGE each pair, and MERGE
// between bound nodes locks them before it creates and looks again. Two processes, each with its own driver, relate the same pairs at the
// same instant, round after round; after each round plain Cypher counts every pair: each must exist
// exactly once. The two `relateMany` summaries together must report each pair created once; the two
// `relate` (or `connect`) callers must have been handed the same relationship for each pair.
import { Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';
import type { BulkWorkerReply, BulkWorkerRequest } from './races/unbounded-race-worker';
import { WorkerProcess } from './races/worker-process';

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

type Worker = WorkerProcess<BulkWorkerRequest, BulkWorkerReply>;
type Done = Extract<BulkWorkerReply, { kind: 'done' }>;
type Call = 'relateMany' | 'relate' | 'connect';

let workers: Worker[] = [];
beforeAll(async () => {
  const start = () => WorkerProcess.start<BulkWorkerRequest, BulkWorkerReply>('unbounded-race-worker.ts');
  workers = await Promise.all([start(), start()]);
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

interface Race {
  field: 'Person.friends' | 'Station.links';
  call: Call;
  /** What each worker relates, in its order: the second walks the pairs backwards. */
  pairs: [{ from: string; to: string }[], { from: string; to: string }[]];
  /** Counts the pairs related, and the relationships between them, with plain Cypher. */
  census: string;
}

/** Runs the race ROUNDS times; returns one line per round that broke "each pair exactly once". */
async function race({ field, call, pairs, census }: Race): Promise<string[]> {
  const expected = pairs[0].length;
  const problems: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await graph().driver.executeQuery('MATCH ()-[r:KNOWS|LINKED_TO]->() DELETE r');
    await workers[0]!.ask({ kind: 'prepare', field, call, pairs: pairs[0] }, 'ready');
    await workers[1]!.ask({ kind: 'prepare', field, call, pairs: pairs[1] }, 'ready');
    const replies = await Promise.all(workers.map((worker) => worker.ask({ kind: 'go' }, 'done')));
    const { records } = await graph().driver.executeQuery(census);
    const related = records[0]!.get('pairs').toNumber();
    const relationships = records[0]!.get('relationships').toNumber();
    const reported = call === 'relateMany' ? createdOnce(replies, expected) : sameRelationships(replies);
    if (related !== expected || relationships !== expected || reported !== '') {
      problems.push(`round ${round}: ${related} pairs, ${relationships} relationships${reported}`);
    }
  }
  return problems;
}

/** The two summaries together report each pair created once. */
function createdOnce(replies: Done[], expected: number): string {
  const created = replies[0]!.created + replies[1]!.created;
  return created === expected ? '' : `, ${created} reported created`;
}

/** Both callers were handed the same relationship for each pair (the second walked them backwards). */
function sameRelationships(replies: Done[]): string {
  const [first, second] = [replies[0]!.ids, [...replies[1]!.ids].reverse()];
  const differ = first.filter((id, i) => id !== second[i]).length;
  return differ === 0 ? '' : `, ${differ} pairs handed different relationships`;
}

const directedCensus = `MATCH (a:Person)-[k:KNOWS]->(b:Person) WITH a, b, count(k) AS c
  RETURN count(*) AS pairs, sum(c) AS relationships`;
const undirectedCensus = `MATCH (a:Station)-[l:LINKED_TO]-(b:Station) WHERE elementId(a) < elementId(b)
  WITH a, b, count(l) AS c RETURN count(*) AS pairs, sum(c) AS relationships`;

// Each unordered pair once, one writer as (a, b), the other as (b, a).
const station = (name: string) => name.replace('friend', 'station').replace('@example.com', '');
const stationPairs = allPairs
  .filter((p) => p.from < p.to)
  .map((p) => ({ from: station(p.from), to: station(p.to) }));

describe.each<Call>(['relateMany', 'relate', 'connect'])('%s on a field without bounds', (call) => {
  it('creates every pair exactly once when two processes relate the same pairs at once', async () => {
    // One writer walks the pairs forwards, the other backwards: they meet in the middle.
    const problems = await race({
      field: 'Person.friends',
      call,
      pairs: [allPairs, [...allPairs].reverse()],
      census: directedCensus,
    });

    expect(problems).toEqual([]);
  }, 300_000);

  it('creates every undirected pair exactly once when two processes relate it in opposite directions at once', async () => {
    const backwards = stationPairs.map((p) => ({ from: p.to, to: p.from })).reverse();

    const problems = await race({
      field: 'Station.links',
      call,
      pairs: [stationPairs, backwards],
      census: undirectedCensus,
    });

    expect(problems).toEqual([]);
  }, 300_000);
});
