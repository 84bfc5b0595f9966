// One system running one workload in a process of its own:
//   node --import tsx bench/peers/child.ts <system> '<job json>'
// Connects, runs the workload's first pass (on rehearsal data, see `firstPass`), then the timed pass
// (connecting and loading the library are not measured) and prints a ChildReport as its last line. Compiled
// Cartograph, no source-map stack rewriting (see run.ts).
process.setSourceMapsEnabled(false);

import 'reflect-metadata';
import { checksum, withPersons } from './data';
import {
  type ChildReport,
  type Job,
  type Outcome,
  type PassReport,
  rehearsalJob,
  type SystemSide,
} from './protocol';

const SYSTEMS: Record<string, () => Promise<{ default: SystemSide }>> = {
  raw: () => import('./systems/raw'),
  cartograph: () => import('./systems/cartograph'),
  neogma: () => import('./systems/neogma'),
  neode: () => import('./systems/neode'),
};

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

type Run = (job: Job) => Promise<Outcome>;

/** Runs one pass of the workload and measures it. */
async function pass(run: Run, job: Job): Promise<PassReport> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcome = await run(job);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rows: outcome.rows,
    checksum: outcome.lines && checksum(outcome.lines),
  };
}

/**
 * The first pass: the workload's own operation, on the persons `job.firstPass` names, in a process
 * that has only connected, run `times` times. A back-end serving requests runs warm, so the timed
 * pass comes after it, once the JIT has compiled the code path and the connection pool is full; the
 * first run is measured and reported as the cold figure.
 */
function firstPass(run: Run, job: Job): Promise<PassReport> {
  const { on, times } = job.firstPass;
  const rehearsal = rehearsalJob(job);
  return withPersons(on, async () => {
    const first = await pass(run, rehearsal);
    for (let again = 1; again < times; again++) await run(rehearsal);
    return first;
  });
}

async function main(): Promise<ChildReport> {
  const [name, json] = process.argv.slice(2);
  const load = SYSTEMS[name ?? ''];
  if (!load || !json) throw new Error(`usage: child.ts <${Object.keys(SYSTEMS).join('|')}> <job json>`);
  const job = JSON.parse(json) as Job;
  const system = (await load()).default;
  const run = system[job.op];
  if (!run) return { unsupported: `${name} has no ${job.op}` };
  await system.open();
  try {
    const first = await firstPass(run, job);
    const baseRssMb = rssMb();
    const timed = await pass(run, job);
    return {
      ...timed,
      firstPass: first,
      // maxRSS is in kilobytes.
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      baseRssMb,
    };
  } finally {
    await system.close();
  }
}

main().then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stdout.write(`${JSON.stringify({ error: message.slice(0, 500) })}\n`);
    process.exit(1);
  },
);
