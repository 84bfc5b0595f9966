// One system running one workload in a process of its own:
//   node --import tsx bench/peers/child.ts <system> '<job json>'
// Connects, runs the workload's first pass and warm-up (see `firstPass`), reports `ready`, then runs
// one timed pass per `pass` line on its standard input until `close` (see ChildMessage; connecting
// and loading the library are not measured). Compiled Cartograph, no source-map stack rewriting
// (see run.ts).
process.setSourceMapsEnabled(false);

import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { checksum, withPersons } from './data';
import {
  type ChildMessage,
  type Command,
  type Job,
  MESSAGE_PREFIX,
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
 * The first pass and the warm-up: the workload's own operation, on the persons `job.firstPass`
 * names, in a process that has only connected, run `times` times. A back-end serving requests runs
 * warm, so the timed passes come after it, once the JIT has compiled the code path and the
 * connection pool is full; the first run is measured and reported as the cold figure.
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

function send(message: ChildMessage): void {
  process.stdout.write(`${MESSAGE_PREFIX}${JSON.stringify(message)}\n`);
}

async function main(): Promise<void> {
  const [name, json] = process.argv.slice(2);
  const load = SYSTEMS[name ?? ''];
  if (!load || !json) throw new Error(`usage: child.ts <${Object.keys(SYSTEMS).join('|')}> <job json>`);
  const job = JSON.parse(json) as Job;
  const system = (await load()).default;
  const run = system[job.op];
  if (!run) return send({ unsupported: `${name} has no ${job.op}` });
  const commands = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const next = async (): Promise<Command> => {
    const line = await commands.next();
    return line.done ? 'close' : (line.value.trim() as Command);
  };
  await system.open();
  try {
    const first = await firstPass(run, job);
    send({ ready: { firstPass: first, baseRssMb: rssMb() } });
    while ((await next()) === 'pass') send({ pass: await pass(run, job) });
  } finally {
    await system.close();
  }
  // maxRSS is in kilobytes.
  send({ closed: { peakRssMb: process.resourceUsage().maxRSS / 1024 } });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    send({ error: message.slice(0, 500) });
    process.exit(1);
  },
);
