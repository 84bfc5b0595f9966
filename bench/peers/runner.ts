// Runs the peer workloads: every system in a process of its own per run, rounds interleaved
// (the order of the systems rotates from round to round), each run verified against the truth the
// workload computes; a system whose result differs is WRONG and not timed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { withPersons } from './data';
import { type ChildReport, type Job, type PassReport, rehearsalJob } from './protocol';
import { ensurePython } from './venv';
import { jobOf, WORKLOADS, type Workload } from './workloads';

export const SYSTEMS = ['raw', 'cartograph', 'neogma', 'neode', 'neomodel', 'raw-py'] as const;
export const PEERS: readonly string[] = ['neogma', 'neode', 'neomodel'];
const PYTHON_SYSTEMS: readonly string[] = ['neomodel', 'raw-py'];
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
}

export type Status = 'ok' | 'WRONG' | 'timeout' | 'error' | 'unsupported' | 'unavailable';

export interface Cell {
  readonly system: string;
  status: Status;
  note?: string;
  readonly seconds: number[];
  readonly peakRssMb: number[];
  readonly baseRssMb: number[];
  /** Client CPU seconds of each timed run (see `ChildReport.cpuSeconds`). */
  readonly cpuSeconds: number[];
  /** The same two figures for each run's first pass (see `FirstPass`). */
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
    for (let round = 0; round < options.rounds; round++) {
      const order = taking.map((_, i) => taking[(i + round) % taking.length]!);
      for (const system of order) {
        const cell = cells.get(system)!;
        if (cell.status !== 'ok') continue;
        if (workload.mutates) await prepare(db, workload, job);
        await plansFromScratch(db);
        const pythonPath = python && 'python' in python ? python.python : undefined;
        const timeout = workload.timeout ? workload.timeout / (options.quick ? 10 : 1) : options.timeout;
        const report = await runChild(system, job, timeout, pythonPath);
        await record(db, workload, job, cell, report, timeout);
        const took =
          cell.status === 'ok'
            ? `${cell.seconds.at(-1)!.toFixed(2)} s, client CPU ${cpuPerItem(cell.cpuSeconds.at(-1)!, job)}`
            : cell.status;
        process.stderr.write(
          `  round ${round + 1} ${system}: ${took}${cell.note ? ` (${cell.note})` : ''}\n`,
        );
      }
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
 */
async function prepare(db: Database, workload: Workload, job: Job): Promise<void> {
  await db.reset();
  await db.driver.executeQuery(
    'CREATE CONSTRAINT person_email IF NOT EXISTS FOR (p:Person) REQUIRE p.email IS UNIQUE',
  );
  await workload.seed(db.driver, job);
  const { on } = job.firstPass;
  if (on === 'workload') return;
  await withPersons(on, () => workload.seed(db.driver, rehearsalJob(job)));
}

async function record(
  db: Database,
  workload: Workload,
  job: Job,
  cell: Cell,
  report: ChildReport | 'timeout',
  timeout: number,
): Promise<void> {
  if (report === 'timeout') {
    Object.assign(cell, { status: 'timeout', note: `> ${timeout} s` });
    return;
  }
  if (report.unsupported) {
    Object.assign(cell, { status: 'unsupported', note: report.unsupported });
    return;
  }
  if (report.error !== undefined || report.seconds === undefined) {
    Object.assign(cell, { status: 'error', note: report.error ?? 'no report' });
    return;
  }
  const expected = workload.expected(job);
  const wrong: string[] = [];
  if (report.rows !== expected.rows) wrong.push(`${report.rows} rows, expected ${expected.rows}`);
  if (expected.result !== undefined && report.checksum !== expected.result)
    wrong.push('result checksum differs');
  wrong.push(...firstPassProblems(workload, job, report.firstPass));
  if (expected.database !== undefined && workload.verify) {
    const actual = await workload.verify(db.driver, job);
    if (actual.checksum !== expected.database)
      wrong.push(`database after the run differs (${actual.rows} rows checked)`);
  }
  if (wrong.length > 0) {
    Object.assign(cell, { status: 'WRONG', note: wrong.join('; ') });
    return;
  }
  cell.seconds.push(report.seconds);
  cell.peakRssMb.push(report.peakRssMb ?? Number.NaN);
  cell.baseRssMb.push(report.baseRssMb ?? Number.NaN);
  cell.cpuSeconds.push(report.cpuSeconds ?? Number.NaN);
  cell.firstSeconds.push(report.firstPass!.seconds);
  cell.firstCpuSeconds.push(report.firstPass!.cpuSeconds);
}

/**
 * The first pass is checked too: its item count always, and its result where it read the
 * workload's own data in full (a rehearsed write is checked only by the timed pass's database check).
 */
function firstPassProblems(workload: Workload, job: Job, first: PassReport | undefined): string[] {
  if (!first) return ['no first pass reported'];
  const { n, on } = job.firstPass;
  const expected = workload.expected(rehearsalJob(job));
  const problems: string[] = [];
  if (first.rows !== expected.rows)
    problems.push(`first pass: ${first.rows} rows, expected ${expected.rows}`);
  if (on === 'workload' && n === job.n && expected.result !== undefined && first.checksum !== expected.result)
    problems.push('first pass: result checksum differs');
  return problems;
}

/** Spawns the system's child for one run; the last line of its standard output is its report. */
function runChild(
  system: string,
  job: Job,
  timeoutSeconds: number,
  python: string | undefined,
): Promise<ChildReport | 'timeout'> {
  const isPython = PYTHON_SYSTEMS.includes(system);
  const [command, args] = isPython
    ? [python ?? 'python3', [join(__dirname, 'py', 'child.py'), system, JSON.stringify(job)]]
    : [process.execPath, ['--import', 'tsx', join(__dirname, 'child.ts'), system, JSON.stringify(job)]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      // The same compiled packages as the parent (see bench/tsconfig.json).
      env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '..', 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', () => {
      clearTimeout(timer);
      if (timedOut) return resolve('timeout');
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as ChildReport);
      } catch {
        resolve({ error: `no report; stderr: ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
      }
    });
  });
}
