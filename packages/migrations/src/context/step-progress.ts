import type { CompiledQuery, Graph } from '@cartograph/core';
import { runWithSummary } from '@cartograph/core/internal';
import { MigrationError } from '../errors';
import {
  beginStepQuery,
  finishStepQuery,
  PROGRESS_PARAM,
  progressKey,
  type StepKey,
} from '../history/progress-queries';

/** Which migration run the batched steps belong to. */
export interface ProgressScope {
  readonly graph: Graph;
  readonly version: string;
  readonly direction: 'up' | 'down';
  /** `<version>_<name>`, for messages. */
  readonly id: string;
  readonly log: (line: string) => void;
}

/** One batched step as the tracker hands it to the code that runs it. */
export interface TrackedStep {
  /** Parameters the statement needs for its per-row progress clauses. */
  readonly params: Record<string, unknown>;
  /** Rows an interrupted earlier run of this step committed. */
  readonly rowsBefore: number;
}

/** What the step is, for the refusal message. */
export interface StepDescription {
  readonly label: string;
  readonly batchSize: number;
  /** The author says re-running it after an interruption does no harm (see `resumable`). */
  readonly resumable: boolean;
  /** How to make this kind of step resumable, for the refusal message. */
  readonly howToResume: string;
}

/**
 * Numbers a migration's batched steps in the order its code runs them and keeps their progress in
 * the graph, so that a run interrupted part-way (killed, or failed in a batch) is picked up again:
 * finished steps are skipped, a resumable step runs again (its rows source skips what is done),
 * and a step that is neither is refused instead of applying its committed batches twice.
 */
export class StepProgressTracker {
  #steps = 0;

  constructor(private readonly scope: ProgressScope) {}

  /**
   * Runs `work` as the next batched step unless an earlier run finished it.
   * @returns the rows `work` did, or, for a step finished earlier, the rows it did then.
   * @throws MigrationError `MIGRATION_PARTIALLY_APPLIED` for a step with committed batches that
   *   is not resumable.
   */
  async run(step: StepDescription, work: (tracked: TrackedStep) => Promise<number>): Promise<number> {
    const key: StepKey = {
      version: this.scope.version,
      direction: this.scope.direction,
      step: ++this.#steps,
    };
    const [state] = (await this.#commit(beginStepQuery(key, step.label, step.batchSize))).map((r) => ({
      rows: Number(r.rows),
      done: r.done === true,
    }));
    const rowsBefore = state?.rows ?? 0;
    const where = `[${this.scope.id}] batched step ${key.step} (${step.label})`;
    if (state?.done) {
      this.scope.log(`${where} was finished by an earlier run (${rowsBefore} rows); skipping it.`);
      return rowsBefore;
    }
    if (rowsBefore > 0) {
      if (!step.resumable) throw this.#refusal(key, step, rowsBefore);
      this.scope.log(`${where}: resuming after ${rowsBefore} rows committed by an earlier run.`);
    }
    const done = await work({ params: { [PROGRESS_PARAM]: progressKey(key) }, rowsBefore });
    await this.#commit(finishStepQuery(key));
    return done;
  }

  /**
   * Runs bookkeeping in a transaction of its own, committed before the step's statement starts
   * (which must see the progress node), even when the migration's code runs this step inside a
   * transaction of `ctx.graph` that model operations would otherwise join.
   */
  async #commit(query: CompiledQuery): Promise<Record<string, unknown>[]> {
    const tx = await this.scope.graph.beginTransaction('WRITE');
    try {
      const { rows } = await runWithSummary(tx, query.cypher, query.params);
      await tx.commit();
      return rows;
    } finally {
      if (tx.isOpen) await tx.rollback();
    }
  }

  #refusal(key: StepKey, step: StepDescription, rows: number): MigrationError {
    const batches = Math.ceil(rows / step.batchSize);
    return new MigrationError(
      'MIGRATION_PARTIALLY_APPLIED',
      `${this.scope.id} was interrupted in its batched step ${key.step} (${step.label}) after ${rows} rows in ${batches} committed batch(es); running that step again would apply it to those rows a second time, so it was not run. ` +
        `To continue, make the step resumable: ${step.howToResume}, and pass { resumable: true }; then run up again. ` +
        'Or undo those rows by hand and run repair, which forgets the progress so the step starts over.',
      {
        migration: { version: this.scope.version, name: this.scope.id.slice(this.scope.version.length + 1) },
      },
    );
  }
}
