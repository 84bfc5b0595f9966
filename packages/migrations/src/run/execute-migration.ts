import { readFile } from 'node:fs/promises';
import type { Graph } from '@cartograph/core';
import type { ResultSummary } from 'neo4j-driver';
import { createMigrationContext } from '../context/create-context';
import { MigrationError } from '../errors';
import { loadMigrationModule, type MigrationModule } from '../files/load-module';
import type { MigrationFile } from '../files/migration-file';
import { fileLocation, splitCypher, splitCypherStatements } from '../files/split-cypher';
import { deleteProgressQuery } from '../history/progress-queries';
import type { Execute } from '../history/write-record';
import { StepRunner } from './step-runner';

/** How to run one migration in one direction. */
export interface ExecuteOptions {
  readonly graph: Graph;
  readonly file: MigrationFile;
  readonly direction: 'up' | 'down';
  /** A `.ts` module already loaded (down checks every module before it starts). */
  readonly module?: MigrationModule;
  readonly log: (line: string) => void;
  readonly progress?: (label: string, done: number, total: number) => void;
  readonly onSummary: (cypher: string, summary: ResultSummary) => void;
  /** Writes the bookkeeping, in the same transaction as the migration's last plain statements. */
  readonly finish: (execute: Execute, durationMs: number) => Promise<void>;
}

/** A migration that threw: the cause, and which of its statements had committed anyway. */
export class MigrationStepFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly committed: readonly string[],
    readonly partial: string | undefined,
    readonly durationMs: number,
    /** `.cypher` migrations: `file:line:column` of the statement that failed (of the error in it, when Neo4j says). */
    readonly location?: string,
  ) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/**
 * Runs a migration's `up` or `down`, then `finish` (the bookkeeping) before the last commit.
 * @returns the statements it ran and how long it took.
 * @throws MigrationStepFailure after rolling back whatever had not committed.
 */
export async function executeMigration(
  options: ExecuteOptions,
): Promise<{ statements: string[]; durationMs: number }> {
  const { file, graph } = options;
  const runner = new StepRunner(graph, options.onSummary);
  const executed: string[] = [];
  const label = `${file.version}_${file.name}`;
  const ctx = createMigrationContext({
    graph,
    version: file.version,
    direction: options.direction,
    runner,
    label,
    log: options.log,
    progress: options.progress,
    executed,
  });
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let location: string | undefined;
  try {
    if (file.kind === 'cypher') {
      const path = options.direction === 'up' ? file.path : file.downPath;
      if (path === undefined) throw noDown(file);
      for (const statement of splitCypherStatements(await readFile(path, 'utf8'))) {
        try {
          await ctx.run(statement.text);
        } catch (error) {
          location = fileLocation(path, statement, error instanceof Error ? error.message : String(error));
          throw error;
        }
      }
    } else {
      const module = options.module ?? loadMigrationModule(file);
      const work = options.direction === 'up' ? module.up : module.down;
      if (typeof work !== 'function') throw noDown(file);
      await work.call(module, ctx);
    }
    const durationMs = elapsed();
    await options.finish((query) => runner.inTransaction(query), durationMs);
    // The batch progress of this run is forgotten in the transaction that records the run, so a
    // kill leaves either the progress (and no record) or the record (and no progress).
    await runner.inTransaction(deleteProgressQuery(file.version));
    await runner.commit();
    return { statements: executed, durationMs };
  } catch (error) {
    await runner.rollback().catch(() => undefined);
    throw new MigrationStepFailure(error, runner.committed, runner.partial, elapsed(), location);
  } finally {
    await runner.close();
  }
}

/** The statements of a `.cypher` file or of its `.down.cypher`. */
export async function cypherStatements(file: MigrationFile, direction: 'up' | 'down'): Promise<string[]> {
  const path = direction === 'up' ? file.path : file.downPath;
  if (path === undefined) throw noDown(file);
  return splitCypher(await readFile(path, 'utf8'));
}

export function noDown(file: MigrationFile): MigrationError {
  const id = `${file.version}_${file.name}`;
  const fix =
    file.kind === 'ts'
      ? 'export async function down(ctx) { ... } from it'
      : `write ${id}.down.cypher next to it`;
  return new MigrationError(
    'MIGRATION_NO_DOWN',
    `${id} has no down migration, so it cannot be reverted. To make it reversible, ${fix} (then run repair, since the checksum changes).`,
    { migration: file },
  );
}
