// `Model.relate` by key is one statement that finds both ends, locks them in element-id order,
// counts under the locks and creates. Two processes, each with its own driver, relate by key at
// the same instant, round after round, with retries off (a deadlock would reach the caller). After
// every round both ends are counted with plain Cypher: no bound may be broken, and every loser must
// be refused with a typed error.

import { useTestGraph } from '../support/test-graph';
import { violationsAfter } from './races/invariants';
import { isLegitimateRefusal } from './races/moves';
import { type RacedField, racedFields, selfField } from './races/raced-fields';
import { describeRound, type Round, roundsFor, setUpRound } from './races/rounds';
import { RaceWorker } from './races/worker-process';

const { graph } = useTestGraph();

/** Each starting graph is raced this many times: one race may or may not overlap, many do. */
const REPEATS = 8;
const RACE_TIMEOUT_MS = 300_000;

interface Tally {
  rounds: number;
  succeeded: number;
  refused: number;
  problems: string[];
}

let workers: RaceWorker[] = [];
beforeAll(async () => {
  workers = await Promise.all([
    RaceWorker.start({ RACE_RETRY_MS: '0' }),
    RaceWorker.start({ RACE_RETRY_MS: '0' }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
});

async function race(field: RacedField, round: Round, tally: Tally): Promise<void> {
  await setUpRound(graph().driver, field, round);
  await Promise.all(
    round.moves.map((move, i) => workers[i]!.ask({ kind: 'prepare', field: field.key, move }, 'ready')),
  );
  const replies = await Promise.all(workers.map((worker) => worker.ask({ kind: 'go' }, 'done')));
  tally.rounds += 1;
  for (const { outcome } of replies) {
    if (outcome.ok) tally.succeeded += 1;
    else if (isLegitimateRefusal(outcome)) tally.refused += 1;
    else tally.problems.push(`${describeRound(field, round)}: ${outcome.name} ${outcome.message}`);
  }
  for (const violation of await violationsAfter(graph().driver, field, round)) {
    tally.problems.push(`${describeRound(field, round)}: ${violation}`);
  }
}

it(
  'keeps ZeroOrOne and One ends within their cardinality when two processes relate by key at once',
  async () => {
    const tally: Tally = { rounds: 0, succeeded: 0, refused: 0, problems: [] };
    const rounds = racedFields.flatMap((field) =>
      roundsFor(field, 'relate', 'relate').map((round) => [field, round] as const),
    );
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const [field, round] of rounds) await race(field, round, tally);
    }

    expect(tally.problems).toEqual([]);
    expect(tally.rounds).toBe(rounds.length * REPEATS);
    // Both endings happen: one caller wins a free end, the other is refused under the lock.
    expect(tally.succeeded).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  },
  RACE_TIMEOUT_MS,
);

it(
  'locks both ends in element-id order: two callers naming the same nodes in opposite roles never deadlock',
  async () => {
    const tally: Tally = { rounds: 0, succeeded: 0, refused: 0, problems: [] };
    // r1 paces r2 while r2 paces r1: the same two nodes, locked by both statements.
    const crossed: Round = {
      sharing: 'same source',
      owners: ['r1', 'r2'],
      targets: [],
      edges: [],
      moves: [
        { op: 'relate', owner: 'r1', old: 'r2', next: 'r2' },
        { op: 'relate', owner: 'r2', old: 'r1', next: 'r1' },
      ],
    };
    for (let repeat = 0; repeat < REPEATS * 5; repeat++) await race(selfField, crossed, tally);

    expect(tally.problems).toEqual([]);
    // Neither end is taken beforehand, so both succeed: r1 -> r2 and r2 -> r1.
    expect(tally.succeeded).toBe(2 * REPEATS * 5);
  },
  RACE_TIMEOUT_MS,
);
