import type { Graph } from '@cartograph/core';
import { MigrationError } from '../errors';
import { rowCounting, rowCountingCypher } from '../history/progress-queries';
import { statementKind } from '../run/statement-kind';
import type { Statement, StepRunner } from '../run/step-runner';
import type {
  BatchOptions,
  BatchStatementOptions,
  EntityBatchOptions,
  MigrationContext,
} from './migration-context';
import {
  type BatchedPlan,
  renameLabelPlan,
  renamePropertyPlan,
  renameRelationshipTypePlan,
  setDefaultPlan,
  type Track,
} from './refactorings';
import { StepProgressTracker } from './step-progress';

/** What a context needs from the run that owns it. */
export interface ContextOptions {
  readonly graph: Graph;
  readonly version: string;
  readonly direction: 'up' | 'down';
  readonly runner: StepRunner;
  /** `<version>_<name>`, prefixed to log lines and used as the progress label. */
  readonly label: string;
  readonly log: (line: string) => void;
  readonly progress?: (label: string, done: number, total: number) => void;
  /** Receives every statement the migration runs, for the run result. */
  readonly executed: string[];
}

const DEFAULT_BATCH_SIZE = 10_000;

/** Builds the `ctx` handed to `up()` / `down()`, and used to run `.cypher` files. */
export function createMigrationContext(options: ContextOptions): MigrationContext {
  const { runner, executed } = options;
  const steps = new StepProgressTracker({
    graph: options.graph,
    version: options.version,
    direction: options.direction,
    id: options.label,
    log: options.log,
  });
  // The helpers only ever match rows they have not changed yet, so they resume by construction.
  const runBatched = (makePlan: (track: Track) => BatchedPlan, opts: BatchOptions = {}) => {
    const plan = makePlan(rowCounting);
    const step = { label: plan.label, batchSize: batchSize(opts), resumable: true, howToResume: '' };
    return steps.run(step, async ({ params }) => {
      executed.push(plan.work.cypher);
      const [counted] = await runner.autoCommit(plan.count);
      const work = { cypher: plan.work.cypher, params: { ...plan.work.params, ...params } };
      return stream(runner, work, plan.label, Number(counted?.total ?? 0), opts, options);
    });
  };
  return {
    graph: options.graph,
    async run(cypher, params = {}) {
      executed.push(cypher);
      const statement = { cypher, params };
      return statementKind(cypher) === 'plain'
        ? runner.inTransaction(statement)
        : runner.autoCommit(statement);
    },
    async schema(statement) {
      executed.push(statement);
      await runner.autoCommit({ cypher: statement });
    },
    renameLabel(from, to, opts) {
      different(from, to, 'renameLabel');
      return runBatched((track) => renameLabelPlan(from, to, batchSize(opts), track), opts);
    },
    renameRelationshipType(from, to, opts) {
      different(from, to, 'renameRelationshipType');
      return runBatched((track) => renameRelationshipTypePlan(from, to, batchSize(opts), track), opts);
    },
    renameProperty(label, from, to, opts: EntityBatchOptions = {}) {
      different(from, to, 'renameProperty');
      return runBatched(
        (track) => renamePropertyPlan(opts.entity ?? 'node', label, from, to, batchSize(opts), track),
        opts,
      );
    },
    setDefault(label, property, value, opts: EntityBatchOptions = {}) {
      if (value === null || value === undefined) {
        throw new MigrationError(
          'MIGRATION_INVALID_ARGUMENT',
          `setDefault(${label}, ${property}) needs a value; null would leave every property missing.`,
        );
      }
      return runBatched(
        (track) => setDefaultPlan(opts.entity ?? 'node', label, property, value, batchSize(opts), track),
        opts,
      );
    },
    async batch(cypherPerRow, opts: BatchStatementOptions = {}) {
      const params = opts.params ?? {};
      if (opts.over === undefined) {
        executed.push(cypherPerRow);
        return stream(runner, { cypher: cypherPerRow, params }, `batch ${options.label}`, 0, opts, options);
      }
      // Both fragments are Cypher the migration's author wrote (not data), composed around the
      // scope clause: `CALL (*)` hands every variable `over` returns to the per-row part. After it,
      // each row is counted on the step's progress node, in the same inner transaction as the row.
      const count = { cypher: `CALL () {\n${opts.over}\n}\nRETURN count(*) AS total`, params };
      const text = [
        rowCountingCypher.match,
        `CALL () {\n${opts.over}\n}`,
        `CALL (*) {\nCALL (*) {\n${cypherPerRow}\n}\nWITH ${rowCounting.variable}, count(*) AS cartographRows`,
        `${rowCountingCypher.count}\n} IN TRANSACTIONS OF ${batchSize(opts)} ROWS\nRETURN 1 AS done`,
      ].join('\n');
      const label = `batch ${options.label}`;
      const step = {
        label,
        batchSize: batchSize(opts),
        resumable: opts.resumable === true,
        howToResume:
          'write its `over` so it returns only rows not done yet (e.g. `MATCH (t:Transaction) WHERE t.amountCents IS NULL RETURN t`), or make its per-row update idempotent',
      };
      return steps.run(step, async (tracked) => {
        executed.push(text);
        const [counted] = await runner.autoCommit(count);
        const work = { cypher: text, params: { ...params, ...tracked.params } };
        return stream(runner, work, label, Number(counted?.total ?? 0), opts, options);
      });
    },
    log(message) {
      options.log(`[${options.label}] ${message}`);
    },
    progress(done, total) {
      options.progress?.(options.label, done, total);
    },
  };
}

/** Runs a batched statement, counting streamed rows into progress reports (one per batch). */
async function stream(
  runner: StepRunner,
  statement: Statement,
  label: string,
  total: number,
  opts: BatchOptions,
  options: ContextOptions,
): Promise<number> {
  const size = batchSize(opts);
  const report = (done: number) => {
    opts.onProgress?.(done, Math.max(total, done));
    options.progress?.(label, done, Math.max(total, done));
  };
  let done = 0;
  report(0);
  await runner.autoCommit(statement, () => {
    done += 1;
    if (done % size === 0) report(done);
  });
  if (done % size !== 0) report(done);
  return done;
}

function batchSize(opts: BatchOptions = {}): number {
  const size = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new MigrationError(
      'MIGRATION_INVALID_ARGUMENT',
      `batchSize must be a positive integer, got ${String(size)}.`,
    );
  }
  return size;
}

function different(from: string, to: string, helper: string): void {
  if (from === to)
    throw new MigrationError(
      'MIGRATION_INVALID_ARGUMENT',
      `${helper}: "${from}" and "${to}" are the same; nothing to rename.`,
    );
}
