import { Graph } from '@cartograph/core';
import { resetDatabase } from '@cartograph/testing';
import neo4j, { type Driver } from 'neo4j-driver';

/** One measured comparison: the OGM against the raw driver doing the same work in the same run. */
export interface BenchResult {
  readonly name: string;
  /** What was measured, e.g. `ms`, `queries/s`, `MB`. */
  readonly unit: string;
  readonly ogm: number;
  /** The raw-driver figure; absent for absolute measurements (compile rate, memory). */
  readonly raw?: number;
  /** Each side's rounds, where `ogm` and `raw` are their medians (printed with their spread). */
  readonly rounds?: { readonly ogm: readonly number[]; readonly raw: readonly number[] };
  /** ogm / raw, or the absolute value checked against `target`. */
  readonly ratio?: number;
  /** Human-readable goal, e.g. `ratio <= 1.15`. */
  readonly target: string;
  readonly met: boolean;
}

/** What each benchmark suite receives. */
export interface BenchContext {
  readonly graph: Graph;
  readonly driver: Driver;
  /** Empties the database between measurements, its constraints and indexes too. */
  reset(): Promise<void>;
  /** Deletes every node and relationship, keeping the schema (and so the server's cached plans). */
  clearData(): Promise<void>;
  /** Milliseconds of wall time taken by `work`. */
  time(work: () => Promise<unknown>): Promise<number>;
}

/** A suite is a function that measures and returns its results. */
export type BenchSuite = (context: BenchContext) => Promise<BenchResult[]>;

export async function createContext(): Promise<BenchContext & { close(): Promise<void> }> {
  const url = process.env.NEO4J_URI;
  if (!url) throw new Error('NEO4J_URI is not set; run through `pnpm bench`, which starts Neo4j.');
  const auth = {
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
  };
  const graph = await Graph.connect({ url, auth });
  const driver = neo4j.driver(url, neo4j.auth.basic(auth.username, auth.password));
  return {
    graph,
    driver,
    reset: () => resetDatabase(driver),
    clearData: () => resetDatabase(driver, { schema: false }),
    async time(work) {
      const started = performance.now();
      await work();
      return performance.now() - started;
    },
    async close() {
      await graph.close();
      await driver.close();
    },
  };
}

/** A ratio result: OGM time over raw time, met when at most `maxRatio`. */
export function ratioResult(
  name: string,
  ogmMs: number,
  rawMs: number,
  maxRatio: number,
  rounds?: BenchResult['rounds'],
): BenchResult {
  const ratio = ogmMs / rawMs;
  return {
    name,
    unit: 'ms',
    ogm: ogmMs,
    raw: rawMs,
    rounds,
    ratio,
    target: `ratio <= ${maxRatio}`,
    met: ratio <= maxRatio,
  };
}
