// Streams every BenchItem node in a process of its own and prints its memory figures as one JSON
// line. Only a fresh process shows what streaming costs in resident memory: one that ran other
// benchmarks first keeps their heap committed, so its RSS hardly moves whatever the stream does.
process.setSourceMapsEnabled(false);

import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Graph, IntegerProperty, Node, NodeEntity, type NodeSet, StringProperty } from '@cartograph/core';

@Node()
class BenchItem extends NodeEntity {
  declare static readonly nodes: NodeSet<BenchItem>;
  @StringProperty() name!: string;
  @IntegerProperty() value!: number;
}

/** What the parent benchmark reads from this process's standard output. */
export interface StreamMemoryReport {
  readonly seen: number;
  readonly seconds: number;
  /** Peak resident set size above the baseline taken just before streaming. */
  readonly rssMb: number;
  /** Peak heap use above the baseline, garbage not yet collected included. */
  readonly heapMb: number;
  /** Heap kept alive half-way through, after a collection. */
  readonly liveMb: number;
}

/** `gc()` without restarting node with --expose-gc, so the baseline is not inflated by garbage. */
function collectGarbage(): void {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}

async function main(): Promise<void> {
  const graph = await Graph.connect({
    url: process.env.NEO4J_URI ?? '',
    auth: { username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' },
  });
  const expected = Number(process.argv[2]);
  try {
    collectGarbage();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    let seen = 0;
    let liveMb = 0;
    const started = performance.now();
    for await (const item of BenchItem.nodes.stream()) {
      if (typeof item.value !== 'number') throw new Error(`item ${item.name} has no numeric value`);
      if (++seen % 5_000 === 0) {
        const now = process.memoryUsage();
        peakRss = Math.max(peakRss, now.rss);
        peakHeap = Math.max(peakHeap, now.heapUsed);
      }
      if (seen === expected >> 1) {
        collectGarbage();
        liveMb = (process.memoryUsage().heapUsed - baseline.heapUsed) / 2 ** 20;
      }
    }
    const report: StreamMemoryReport = {
      seen,
      seconds: (performance.now() - started) / 1000,
      rssMb: (peakRss - baseline.rss) / 2 ** 20,
      heapMb: (peakHeap - baseline.heapUsed) / 2 ** 20,
      liveMb,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await graph.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
