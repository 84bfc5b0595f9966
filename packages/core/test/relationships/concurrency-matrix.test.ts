// Every pair of relationship mutations (relate by key among them) races on the same source and on
// the same target, inside one process and across two processes. Whatever the interleaving, both
// ends must keep their declared cardinality, and a loser must be refused with a typed error rather
// than silently winning too.

import { useTestGraph } from '../support/test-graph';
import { violationsAfter } from './races/invariants';
import { isLegitimateRefusal, loadMoves, type Outcome, outcomeOf, runMove } from './races/moves';
import { operations, type RacedField, racedFields } from './races/raced-fields';
import { describeRound, type Move, type Round, roundsFor, setUpRound } from './races/rounds';
import { RaceWorker } from './races/worker-process';

const { graph } = useTestGraph();

/** Every unordered pair of operations, each with itself too: 21 pairs. */
const pairs = operations.flatMap((first, i) => operations.slice(i).map((second) => [first, second] as const));

interface Tally {
  rounds: number;
  succeeded: number;
  refused: number;
  problems: string[];
}

async function race(
  field: RacedField,
  round: Round,
  run: (moves: readonly [Move, Move]) => Promise<Outcome[]>,
  tally: Tally,
): Promise<void> {
  await setUpRound(graph().driver, field, round);
  const outcomes = await run(round.moves);
  tally.rounds += 1;
  for (const outcome of outcomes) {
    if (outcome.ok) tally.succeeded += 1;
    else if (isLegitimateRefusal(outcome)) tally.refused += 1;
    else tally.problems.push(`${describeRound(field, round)}: ${outcome.name} ${outcome.message}`);
  }
  for (const violation of await violationsAfter(graph().driver, field, round)) {
    tally.problems.push(`${describeRound(field, round)}: ${violation}`);
  }
}

const rounds = everyRound();
// Every pair on every field, with half of the starting graphs: a round across processes costs more.
const crossProcessRounds = rounds.filter((_, i) => i % 2 === 0);

function everyRound(): [RacedField, Round][] {
  return racedFields.flatMap((field) =>
    pairs.flatMap(([first, second]) =>
      roundsFor(field, first, second).map((round) => [field, round] as [RacedField, Round]),
    ),
  );
}

// Each pass is a bounded number of rounds (about 30 s on a quiet 2-core machine); the limit only
// has to cover a loaded one, where a round waits longer for its locks.
const MATRIX_TIMEOUT_MS = 300_000;

describe('relationship mutations racing each other', () => {
  it(
    'keep both ends within their cardinality when two run concurrently in one process',
    async () => {
      const tally: Tally = { rounds: 0, succeeded: 0, refused: 0, problems: [] };
      for (const [field, round] of rounds) {
        await race(
          field,
          round,
          async (moves) => {
            const entities = await loadMoves(field, moves);
            const settled = await Promise.allSettled(moves.map((move, i) => runMove(move, entities[i]!)));
            return settled.map(outcomeOf);
          },
          tally,
        );
      }

      expect(tally.problems).toEqual([]);
      expect(tally.rounds).toBe(rounds.length);
      // Both kinds of ending happen, so the matrix really exercises winners and losers.
      expect(tally.succeeded).toBeGreaterThan(0);
      expect(tally.refused).toBeGreaterThan(0);
    },
    MATRIX_TIMEOUT_MS,
  );

  describe('in two separate processes', () => {
    let workers: RaceWorker[] = [];
    beforeAll(async () => {
      workers = await Promise.all([RaceWorker.start(), RaceWorker.start()]);
    }, 60_000);
    afterAll(async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
    });

    it(
      'keep both ends within their cardinality',
      async () => {
        const tally: Tally = { rounds: 0, succeeded: 0, refused: 0, problems: [] };
        for (const [field, round] of crossProcessRounds) {
          await race(
            field,
            round,
            async (moves) => {
              await Promise.all(
                moves.map((move, i) => workers[i]!.ask({ kind: 'prepare', field: field.key, move }, 'ready')),
              );
              const replies = await Promise.all(workers.map((worker) => worker.ask({ kind: 'go' }, 'done')));
              return replies.map((reply) => reply.outcome);
            },
            tally,
          );
        }

        expect(tally.problems).toEqual([]);
        expect(tally.rounds).toBe(crossProcessRounds.length);
        expect(tally.succeeded).toBeGreaterThan(0);
        expect(tally.refused).toBeGreaterThan(0);
      },
      MATRIX_TIMEOUT_MS,
    );
  });
});
