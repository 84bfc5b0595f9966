// `pnpm bench`: runs every benchmark suite against one Neo4j (started for the run unless NEO4J_URI
// is set) and prints OGM-vs-raw-driver ratios measured in the same run, then Cartograph against its
// peers (neogma, neode, neomodel) and the raw JS and Python drivers. See docs/benchmarks.md.
//
//   pnpm bench [core|query|peers ...] [--quick] [--json] [--chart] [--systems a,b] [--workloads x,y]
//              [--rounds N] [--passes N] [--import-10m]
//
// Production code runs as compiled JavaScript without source-map stack rewriting; under tsx every
// stack the driver captures per result would be source-mapped, a cost neither side has in production.
// For the same reason `pnpm bench` builds the packages first and runs with bench/tsconfig.json,
// which loads their compiled dist (as an application does) instead of tsx's output of the sources.
process.setSourceMapsEnabled(false);

import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchResult, type BenchSuite, createContext } from './harness';
import { peerChart } from './peers/chart';
import { cpuTable, firstPassResults, type JsonEntry, peerEntries, peerTable } from './peers/report';
import { runPeers, SYSTEMS, type WorkloadResult } from './peers/runner';
import { spreadText } from './statistics';
import { textTable } from './text-table';

const suites: Record<string, () => Promise<{ default: BenchSuite }>> = {
  core: () => import('./core.bench'),
  query: () => import('./query.bench'),
  search: () => import('./search.bench'),
};

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    chart: { type: 'boolean', default: false },
    systems: { type: 'string' },
    workloads: { type: 'string' },
    rounds: { type: 'string' },
    passes: { type: 'string' },
    'import-10m': { type: 'boolean', default: false },
  },
});
const list = (value: string | undefined) => value?.split(',').map((item) => item.trim());

function positiveInteger(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`${flag} takes a whole number of 1 or more, not ${value}`);
  return parsed;
}

/** `--quick`: every suite at a tenth of its size (explicit BENCH_* variables still win). */
function applyQuick(): void {
  const tenth: Record<string, string> = {
    BENCH_IMPORT_SIZE: '10000',
    BENCH_LOOKUPS: '500',
    BENCH_IMPORT_ROUNDS: '3',
    BENCH_FOF_FRIENDS: '32',
    BENCH_STREAM_NODES: '100000',
  };
  for (const [name, value] of Object.entries(tenth)) process.env[name] ??= value;
}

async function main(): Promise<void> {
  if (flags.quick) applyQuick();
  // Filtering systems or workloads is for working on the peer comparison: it runs that suite alone.
  const filtered = flags.systems !== undefined || flags.workloads !== undefined;
  const only = positionals.length > 0 ? positionals : filtered ? ['peers'] : [];
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  // Checked before connecting, so a mistyped flag fails at once.
  const rounds = positiveInteger('--rounds', flags.rounds ?? process.env.BENCH_ROUNDS ?? '3');
  const passes = positiveInteger('--passes', flags.passes ?? '5');
  const context = await createContext();
  const results: BenchResult[] = [];
  let peers: WorkloadResult[] = [];
  const systems = SYSTEMS.filter((s) => !flags.systems || list(flags.systems)!.includes(s));
  try {
    for (const [name, load] of Object.entries(suites)) {
      if (!wanted(name)) continue;
      process.stderr.write(`\n== ${name} ==\n`);
      const suite = (await load()).default;
      results.push(...(await suite(context)));
    }
    if (wanted('peers')) {
      process.stderr.write('\n== peers ==\n');
      peers = await runPeers(context, {
        quick: flags.quick ?? false,
        rounds,
        passes,
        timeout: Number(process.env.BENCH_TIMEOUT ?? (flags.quick ? 60 : 300)),
        systems,
        workloads: list(flags.workloads),
        import10m: flags['import-10m'] ?? false,
      });
    }
  } finally {
    await context.close();
  }
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const loaded = relative(process.cwd(), require.resolve('@cartograph/core'));
  process.stdout.write(`\nMachine: ${machine}\nCartograph loaded from: ${loaded}\n\n`);
  if (results.length > 0) process.stdout.write(formatTable(results));
  if (peers.length > 0) {
    process.stdout.write(`\nPeers${flags.quick ? ' (--quick: a tenth of each size)' : ''}:\n`);
    process.stdout.write(peerTable(peers, systems));
    process.stdout.write(`\n${cpuTable(peers, systems)}`);
    const cold = firstPassResults(peers);
    if (cold.length > 0) {
      process.stdout.write(
        '\nFirst passes (a cold process: the same workload, run before the timed pass):\n',
      );
      process.stdout.write(peerTable(cold, systems));
      process.stdout.write(`\n${cpuTable(cold, systems)}`);
    }
  }
  if (results.some((result) => !result.met))
    process.stdout.write('\nSome targets were not met (marked MISSED).\n');
  if (flags.json) {
    const entries = [...results.map(suiteEntry), ...peerEntries(peers)];
    writeFileSync('bench-results.json', `${JSON.stringify(entries, null, 2)}\n`);
    process.stdout.write(`\nWrote bench-results.json (${entries.length} entries).\n`);
  }
  if (flags.chart && peers.length > 0) {
    const path = join(__dirname, '..', 'docs', 'benchmarks.svg');
    const caption = `pnpm bench${flags.quick ? ' --quick (every size a tenth of the one named)' : ''}: median seconds of ${rounds} rounds; ${machine}`;
    writeFileSync(path, peerChart(peers, systems, caption));
    process.stdout.write(`Wrote ${relative(process.cwd(), path)}.\n`);
  }
}

/** A suite's figure in bench-results.json: Cartograph's time, rate or memory, with its ratio to raw. */
function suiteEntry(result: BenchResult): JsonEntry {
  return {
    workload: result.name,
    system: 'cartograph',
    seconds: result.unit === 'ms' ? result.ogm / 1000 : null,
    rowsPerSecond: result.unit === 'queries/s' ? result.ogm : null,
    ratioToRaw: result.raw === undefined ? null : (result.ratio ?? null),
    peakRssMb: result.unit === 'MB' ? result.ogm : null,
  };
}

function formatTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${format(r.ogm)} ${r.unit}${spreadText(r.rounds?.ogm ?? [])}`,
    r.raw === undefined ? '-' : `${format(r.raw)} ${r.unit}${spreadText(r.rounds?.raw ?? [])}`,
    r.ratio === undefined ? '-' : r.ratio.toFixed(3),
    r.target,
    r.met ? 'met' : 'MISSED',
  ]);
  const header = ['benchmark', 'cartograph', 'raw driver', 'ratio', 'target', 'result'];
  return textTable(header, rows);
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
