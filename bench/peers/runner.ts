// Runs the peer workloads: every system in a process of its own per round, its timed passes
// interleaved with the other systems' (see `runRound`), the order of the systems rotating from round
// to round, each pass verified against the truth the workload computes; a system whose result
// differs is WRONG and not timed.
import type { Driver } from 'neo4j-driver';
import { median } from '../statistics';
import { withPersons } from './data';
import { type ChildMessage, type Job, type PassReport, rehearsalJob } from './protocol';
import { PYTHON_SYSTEMS, SystemProcess } from './system-process';
import { ensurePython } from './venv';
import { jobOf, WORKLOADS, type Workload } from './workloads';

export const SYSTEMS = ['raw', 'cartograph', 'neogma', 'neode', 'neomodel', 'raw-py'] as const;
export const PEERS: readonly string[] = ['neogma', 'neode', 'neomodel'];
/** The baseline a system's ratio to raw is taken against: the raw driver of its own language. */
export const rawOf = (system: string) => (PYTHON_SYSTEMS.includes(system) ? 'raw-py' : 'raw');

export interface PeerOptions {
  readonly quick: boolean;
  readonly rounds: number;
  /** Seconds a single run may take before it is stopped and reported as a timeout. */
  readonly timeout: number;
  readonly systems?: readonly string[];
  readonly workloads?: readonly string[];
  readonly import10m: boolean;
  /** At most this many timed passes per system and round (see `runRound`). */
  readonly passes: number;
}

/**
 * Timed passes a system keeps taking in a round until they add up to this many seconds, and at
 * least `MIN_PASSES` of them unless its first took this long alone (never more than
 * `PeerOptions.passes`): a workload whose pass takes a second gets several samples, one that takes
 * half a minute gets one.
 */
const TIMED_SECONDS_PER_ROUND = 8;

/**
 * With two passes their median is their mean, which one slow pass drags along (a pass of 6.0 s
 * beside one of 2.6 s made one round of one-by-one relate 1.8x its neighbours).
 */
const MIN_PASSES = 3;

/** Whether a system takes another timed pass this round (see `TIMED_SECONDS_PER_ROUND`). */
function wantsPass(passes: readonly PassReport[], most: number): boolean {
  if (passes.length >= most) return false;
  if (passes.length === 0) return true;
  if (passes[0]!.seconds >= TIMED_SECONDS_PER_ROUND) return false;
  return (
    passes.length < MIN_PASSES || passes.reduce((sum, p) => sum + p.seconds, 0) < TIMED_SECONDS_PER_ROUND
  );
}

export type Status = 'ok' | 'WRONG' | 'timeout' | 'error' | 'unsupported' | 'unavailable';

export interface Cell {
  readonly system: string;
  status: Status;
  note?: string;
  /** Per round, the median of its timed passes. */
  readonly seconds: number[];
  /** Per round, the seconds of every timed pass. */
  readonly passSeconds: number[][];
  readonly peakRssMb: number[];
  readonly baseRssMb: number[];
  /** Per round, the median client CPU seconds of its timed passes (see `PassReport.cpuSeconds`). */
  readonly cpuSeconds: number[];
  /** Per round, the same two figures for the child's first pass (see `FirstPass`). */
  readonly firstSeconds: number[];
  readonly firstCpuSeconds: number[];
}

export interface WorkloadResult {
  readonly workload: Workload;
  readonly job: Job;
  readonly cells: Map<string, Cell>;
}

export interface Database {
  readonly driver: Driver;
  reset(): Promise<void>;
  clearData(): Promise<void>;
}

export async function runPeers(db: Database, options: PeerOptions): Promise<WorkloadResult[]> {
  const workloads = WORKLOADS.filter((w) =>
    options.workloads ? options.workloads.includes(w.id) : !w.optIn || options.import10m,
  );
  const systems = SYSTEMS.filter((s) => !options.systems || options.systems.includes(s));
  const python = systems.some((s) => PYTHON_SYSTEMS.includes(s)) ? await ensurePython() : undefined;
  const results: WorkloadResult[] = [];
  for (const workload of workloads) {
    const job = jobOf(workload, options.quick);
    const taking = systems.filter((s) => !workload.systems || workload.systems.includes(s));
    const cells = new Map<string, Cell>(
      taking.map((system) => [
        system,
        {
          system,
          status: 'ok',
          seconds: [],
          passSeconds: [],
          peakRssMb: [],
          baseRssMb: [],
          cpuSeconds: [],
          firstSeconds: [],
          firstCpuSeconds: [],
        },
      ]),
    );
    if (python && 'unavailable' in python) {
      for (const system of PYTHON_SYSTEMS) {
        const cell = cells.get(system);
        if (cell) Object.assign(cell, { status: 'unavailable', note: python.unavailable });
      }
    }
    process.stderr.write(
      `\n-- ${workload.name} (n=${job.n}${job.persons ? `, ${job.persons} persons` : ''})\n`,
    );
    if (!workload.mutates) await prepare(db, workload, job);
    const pythonPath = python && 'python' in python ? python.python : undefined;
    const timeout = workload.timeout ? workload.timeout / (options.quick ? 10 : 1) : options.timeout;
    for (let round = 0; round < options.rounds; round++) {
      const order = taking.map((_, i) => taking[(i + round) % taking.length]!);
      const running = order.map((system) => cells.get(system)!).filter((cell) => cell.status === 'ok');
      const context = { db, workload, job, timeout, python: pythonPath, passes: options.passes };
      await runRound(context, running, round);
    }
    results.push({ workload, job, cells });
  }
  await db.reset();
  return results;
}

/** Client CPU per item of the timed part, in microseconds. */
function cpuPerItem(cpuSeconds: number, job: Job): string {
  return Number.isNaN(cpuSeconds) ? 'n/a' : `${((cpuSeconds * 1e6) / job.n).toFixed(0)} µs/item`;
}

/**
 * Every system plans its statements afresh, on the data as seeded now. Neo4j caches a plan per
 * statement text and replans it only when the statistics have moved far enough: a plan cached
 * earlier (before a reset and reseed) can scan the whole `Person(email)` index where a fresh one
 * seeks it, which made one system's friends-of-friends 1.7x slower than another's in one run and
 * 2x faster in the next. Each child's warm-up then pays for planning, as every system's does.
 */
async function plansFromScratch(db: Database): Promise<void> {
  await db.driver.executeQuery('CALL db.clearQueryCaches()');
}

/**
 * An emptied database with the unique constraint the key needs (the same for every system), seeded,
 * with the rehearsal persons a write workload's first pass uses seeded beside the workload's own.
 * `schema: 'kept'` empties only the data: dropping and creating the constraint would make the
 * server drop every cached plan, and a child's timed pass would plan its statements again.
 */
async function prepare(
  db: Database,
  workload: Workload,
  job: Job,
  schema: 'reset' | 'kept' = 'reset',
): Promise<void> {
  if (schema === 'kept') await db.clearData();
  else {
    await db.reset();
    await db.driver.executeQuery(
      'CREATE CONSTRAINT person_email IF NOT EXISTS FOR (p:Person) REQUIRE p.email IS UNIQUE',
    );
  }
  await workload.seed(db.driver, job);
  const { on } = job.firstPass;
  if (on === 'workload') return;
  await withPersons(on, () => workload.seed(db.driver, rehearsalJob(job)));
}

interface RoundContext {
  readonly db: Database;
  readonly workload: Workload;
  readonly job: Job;
  readonly timeout: number;
  readonly python: string | undefined;
  readonly passes: number;
}

/** A system's child during one round, with the timed passes it has run so far. */
interface Taking {
  readonly cell: Cell;
  readonly child: SystemProcess;
  readonly passes: PassReport[];
  readonly baseRssMb: number;
  readonly firstPass: PassReport;
}

/**
 * One round. The server's plans are cleared, then every system's child is started in turn and runs
 * its first pass and warm-up, planning its statements (a write workload's data seeded afresh before
 * each, so every cold first pass starts from the same state). Then the children take their timed
 * passes in turns, one pass each per turn, in the round's order, as long as each wants one (see
 * `wantsPass`; a write workload's data seeded afresh before every pass).
 * Interleaving passes rather than whole processes means a stretch of seconds in which the shared
 * machine runs slow falls on every system alike; a child waiting for its turn only waits on its
 * standard input.
 */
async function runRound(context: RoundContext, cells: readonly Cell[], round: number): Promise<void> {
  const { db, workload, job, timeout } = context;
  const taking: Taking[] = [];
  if (workload.mutates) await prepare(db, workload, job);
  await plansFromScratch(db);
  for (const [i, cell] of cells.entries()) {
    if (workload.mutates && i > 0) await prepare(db, workload, job, 'kept');
    const child = new SystemProcess(cell.system, job, context.python);
    const message = await child.next(timeout);
    if (message === 'timeout' || !('ready' in message)) {
      fail(cell, message, timeout);
      child.kill();
      printRound(round, cell, job);
      continue;
    }
    const { firstPass, baseRssMb } = message.ready;
    const problems = firstPassProblems(workload, job, firstPass);
    if (problems.length > 0) {
      Object.assign(cell, { status: 'WRONG', note: problems.join('; ') });
      child.kill();
      printRound(round, cell, job);
      continue;
    }
    taking.push({ cell, child, passes: [], baseRssMb, firstPass });
  }
  const due = () =>
    taking.filter(({ cell, passes }) => cell.status === 'ok' && wantsPass(passes, context.passes));
  for (let turn = due(); turn.length > 0; turn = due()) {
    for (const system of turn) await timedPass(context, system);
  }
  for (const system of taking) await finish(context, system, round);
}

/** One timed pass of one system, verified; a wrong result or a failure takes the system out. */
async function timedPass(context: RoundContext, system: Taking): Promise<void> {
  const { db, workload, job, timeout } = context;
  if (workload.mutates) await prepare(db, workload, job, 'kept');
  system.child.send('pass');
  const message = await system.child.next(timeout);
  if (message === 'timeout' || !('pass' in message)) {
    fail(system.cell, message, timeout);
    system.child.kill();
    return;
  }
  const wrong = await passProblems(context, message.pass);
  if (wrong.length > 0) {
    Object.assign(system.cell, { status: 'WRONG', note: wrong.join('; ') });
    system.child.kill();
    return;
  }
  system.passes.push(message.pass);
}

/** Closes a system's child and records its round: the medians of its passes. */
async function finish(context: RoundContext, system: Taking, round: number): Promise<void> {
  const { cell, child, passes } = system;
  if (cell.status === 'ok') {
    child.send('close');
    const closed = await child.next(context.timeout);
    if (closed !== 'timeout' && 'closed' in closed) {
      const seconds = passes.map((p) => p.seconds);
      cell.seconds.push(median(seconds));
      cell.passSeconds.push(seconds);
      cell.cpuSeconds.push(median(passes.map((p) => p.cpuSeconds)));
      cell.peakRssMb.push(closed.closed.peakRssMb);
      cell.baseRssMb.push(system.baseRssMb);
      cell.firstSeconds.push(system.firstPass.seconds);
      cell.firstCpuSeconds.push(system.firstPass.cpuSeconds);
    } else fail(cell, closed, context.timeout);
  }
  printRound(round, cell, context.job);
}

/** A system's round on the progress output: its passes and client CPU per item, or its status. */
function printRound(round: number, cell: Cell, job: Job): void {
  const passes = cell.passSeconds.at(-1);
  const took =
    cell.status === 'ok' && passes
      ? `${passes.map((s) => s.toFixed(2)).join(' ')} s, client CPU ${cpuPerItem(cell.cpuSeconds.at(-1)!, job)}`
      : `${cell.status}${cell.note ? ` (${cell.note})` : ''}`;
  process.stderr.write(`  round ${round + 1} ${cell.system}: ${took}\n`);
}

/** What is wrong with a timed pass: its count, its result, or the database after it. */
async function passProblems({ db, workload, job }: RoundContext, report: PassReport): Promise<string[]> {
  const expected = workload.expected(job);
  const wrong: string[] = [];
  if (report.rows !== expected.rows) wrong.push(`${report.rows} rows, expected ${expected.rows}`);
  if (expected.result !== undefined && report.checksum !== expected.result)
    wrong.push('result checksum differs');
  if (expected.database !== undefined && workload.verify) {
    const actual = await workload.verify(db.driver, job);
    if (actual.checksum !== expected.database)
      wrong.push(`database after the run differs (${actual.rows} rows checked)`);
  }
  return wrong;
}

/** Marks a system's cell after a message that was not the one expected, or none. */
function fail(cell: Cell, message: ChildMessage | 'timeout', timeout: number): void {
  if (message === 'timeout') Object.assign(cell, { status: 'timeout', note: `> ${timeout} s` });
  else if ('unsupported' in message)
    Object.assign(cell, { status: 'unsupported', note: message.unsupported });
  else if ('error' in message) Object.assign(cell, { status: 'error', note: message.error });
  else Object.assign(cell, { status: 'error', note: `unexpected message ${JSON.stringify(message)}` });
}

/**
 * The first pass is checked too: its item count always, and its result where it read the
 * workload's own data in full (a rehearsed write is checked only by the timed pass's database check).
 */
function firstPassProblems(workload: Workload, job: Job, first: PassReport): string[] {
  const { n, on } = job.firstPass;
  const expected = workload.expected(rehearsalJob(job));
  const problems: string[] = [];
  if (first.rows !== expected.rows)
    problems.push(`first pass: ${first.rows} rows, expected ${expected.rows}`);
  if (on === 'workload' && n === job.n && expected.result !== undefined && first.checksum !== expected.result)
    problems.push('first pass: result checksum differs');
  return problems;
}
