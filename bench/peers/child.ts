// One system running one workload in a process of its own:
//   node --import tsx bench/peers/child.ts <system> '<job json>'
// Connects, times the workload alone (connecting and loading the library are not timed) and prints
// a ChildReport as its last line. Compiled Cartograph, no source-map stack rewriting (see run.ts).
process.setSourceMapsEnabled(false);

import 'reflect-metadata';
import { checksum } from './data';
import type { ChildReport, Job, SystemSide } from './protocol';

const SYSTEMS: Record<string, () => Promise<{ default: SystemSide }>> = {
  raw: () => import('./systems/raw'),
  cartograph: () => import('./systems/cartograph'),
  neogma: () => import('./systems/neogma'),
  neode: () => import('./systems/neode'),
};

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

const WARM_UP = 100;

/**
 * Untimed warm-up, so that a fresh process's first calls (JIT compilation, connection pool) do not
 * count: point reads of seeded persons, then for a workload that changes nothing the workload's
 * own operation. Writes are not rehearsed, since they would change what is verified afterwards.
 */
async function warmUp(system: SystemSide, job: Job): Promise<void> {
  if (job.persons === 0 || !system.read) return;
  await system.read({ ...job, op: 'read', n: Math.min(WARM_UP, job.persons) });
  if (job.op === 'filter' || job.op === 'fof')
    await system[job.op]?.({ ...job, n: Math.min(WARM_UP, job.n) });
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
    await warmUp(system, job);
    const baseRssMb = rssMb();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const outcome = await run(job);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      seconds,
      rows: outcome.rows,
      checksum: outcome.lines && checksum(outcome.lines),
      // maxRSS is in kilobytes.
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      baseRssMb,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
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
