import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { Graph } from '@cartograph/core';
import type { ResultSummary } from 'neo4j-driver';

/** Options of the `Migrator`. */
export interface MigratorOptions {
  /** The migrations folder. */
  dir: string;
  /** Recorded on each migration as who applied it; default `<os user>@<host>`. */
  appliedBy?: string;
  /** How long `up`/`down`/`baseline`/`repair` wait for another run's lock; default 60 000 ms. */
  lockTimeoutMs?: number;
  /** Receives one line per event (applying, applied, warnings); default: nothing. */
  log?: (line: string) => void;
  /** Progress of batched work: a label (migration or helper), rows done, rows in total. */
  progress?: (label: string, done: number, total: number) => void;
}

/** Everything a run needs, resolved once per Migrator. */
export interface RunSettings {
  readonly graph: Graph;
  readonly dir: string;
  readonly appliedBy: string;
  readonly lockTimeoutMs: number;
  /** Identifies this process as the lock holder. */
  readonly owner: string;
  readonly log: (line: string) => void;
  readonly progress?: (label: string, done: number, total: number) => void;
  /** Logs Neo4j deprecation warnings a statement drew. */
  readonly onSummary: (cypher: string, summary: ResultSummary) => void;
}

export function resolveSettings(graph: Graph, options: MigratorOptions): RunSettings {
  const log = options.log ?? (() => undefined);
  const appliedBy = options.appliedBy ?? defaultAppliedBy();
  return {
    graph,
    dir: options.dir,
    appliedBy,
    lockTimeoutMs: options.lockTimeoutMs ?? 60_000,
    owner: `${appliedBy} (pid ${process.pid} on ${hostname()}, run ${randomUUID().slice(0, 8)})`,
    log,
    progress: options.progress,
    onSummary: (cypher, summary) => {
      for (const notification of summary.notifications) {
        if (notification.category === 'DEPRECATION' || notification.code.includes('Deprecat')) {
          log(
            `Neo4j deprecation warning: ${notification.title} ${notification.description} In: ${cypher.split('\n')[0]}`,
          );
        }
      }
    },
  };
}

function defaultAppliedBy(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    // userInfo() throws for users without a passwd entry (some containers).
    return `unknown@${hostname()}`;
  }
}
