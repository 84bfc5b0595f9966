// `pnpm bench`: runs every benchmark suite against one Neo4j (started for the run unless NEO4J_URI
// is set) and prints OGM-vs-raw-driver ratios measured in the same run.
// Production code runs as compiled JavaScript without source-map stack rewriting; under tsx every
// stack the driver captures per result would be source-mapped, a cost neither side has in production.
// For the same reason `pnpm bench` builds the packages first and runs with bench/tsconfig.json,
// which loads their compiled dist (as an application does) instead of tsx's output of the sources.
process.setSourceMapsEnabled(false);

import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { relative } from 'node:path';
import { type BenchResult, type BenchSuite, createContext } from './harness';

const suites: Record<string, () => Promise<{ default: BenchSuite }>> = {
  core: () => import('./core.bench'),
  query: () => import('./query.bench'),
  search: () => import('./search.bench'),
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const context = await createContext();
  const results: BenchResult[] = [];
  try {
    for (const [name, load] of Object.entries(suites)) {
      if (only.length > 0 && !only.includes(name)) continue;
      process.stderr.write(`\n== ${name} ==\n`);
      const suite = (await load()).default;
      results.push(...(await suite(context)));
    }
  } finally {
    await context.close();
  }
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const loaded = relative(process.cwd(), require.resolve('@cartograph/core'));
  process.stdout.write(`\nMachine: ${machine}\nCartograph loaded from: ${loaded}\n\n`);
  process.stdout.write(formatTable(results));
  if (results.some((result) => !result.met))
    process.stdout.write('\nSome targets were not met (marked MISSED).\n');
}

function formatTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${format(r.ogm)} ${r.unit}`,
    r.raw === undefined ? '-' : `${format(r.raw)} ${r.unit}`,
    r.ratio === undefined ? '-' : r.ratio.toFixed(3),
    r.target,
    r.met ? 'met' : 'MISSED',
  ]);
  const header = ['benchmark', 'cartograph', 'raw driver', 'ratio', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `${cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}\n`;
  return line(header) + line(widths.map((w) => '-'.repeat(w))) + rows.map(line).join('');
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
