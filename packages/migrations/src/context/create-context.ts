import type { Graph } from '@cartograph/core';
import { MigrationError } from '../errors';
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
} from './refactorings';

/** What a context needs from the run that owns it. */
export interface ContextOptions {
  readonly graph: Graph;
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
  const runBatched = async (plan: BatchedPlan, opts: BatchOptions = {}): Promise<number> => {
    executed.push(plan.work.cypher);
    const [counted] = await runner.autoCommit(plan.count);
    return stream(runner, plan.work, plan.label, Number(counted?.total ?? 0), opts, options);
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
      return runBatched(renameLabelPlan(from, to, batchSize(opts)), opts);
    },
    renameRelationshipType(from, to, opts) {
      different(from, to, 'renameRelationshipType');
      return runBatched(renameRelationshipTypePlan(from, to, batchSize(opts)), opts);
    },
    renameProperty(label, from, to, opts: EntityBatchOptions = {}) {
      different(from, to, 'renameProperty');
      return runBatched(renamePropertyPlan(opts.entity ?? 'node', label, from, to, batchSize(opts)), opts);
    },
    setDefault(label, property, value, opts: EntityBatchOptions = {}) {
      if (value === null || value === undefined) {
        throw new MigrationError(
          'MIGRATION_INVALID_ARGUMENT',
          `setDefault(${label}, ${property}) needs a value; null would leave every property missing.`,
        );
      }
      return runBatched(setDefaultPlan(opts.entity ?? 'node', label, property, value, batchSize(opts)), opts);
    },
    async batch(cypherPerRow, opts: BatchStatementOptions = {}) {
      const params = opts.params ?? {};
      if (opts.over === undefined) {
        executed.push(cypherPerRow);
        return stream(runner, { cypher: cypherPerRow, params }, `batch ${options.label}`, 0, opts, options);
      }
      // Both fragments are Cypher the migration's author wrote (not data), composed around the
      // scope clause: `CALL (*)` hands every variable `over` returns to the per-row part.
      const count = { cypher: `CALL () {\n${opts.over}\n}\nRETURN count(*) AS total`, params };
      const work = {
        cypher: `CALL () {\n${opts.over}\n}\nCALL (*) {\n${cypherPerRow}\n} IN TRANSACTIONS OF ${batchSize(opts)} ROWS\nRETURN 1 AS done`,
        params,
      };
      executed.push(work.cypher);
      const [counted] = await runner.autoCommit(count);
      return stream(runner, work, `batch ${options.label}`, Number(counted?.total ?? 0), opts, options);
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
