// What the benchmark parent sends a system's child process, and what the child prints back.
import type { PersonSet } from './data';

/** What a workload asks a system to do (the same for every system). */
export type Operation = 'create' | 'relate' | 'relate-one' | 'read' | 'filter' | 'fof' | 'save' | 'import';

/** One run of one workload by one system, passed to the child as JSON on its command line. */
export interface Job {
  readonly workload: string;
  readonly op: Operation;
  /** How many items the timed part handles: nodes, pairs, reads, queries, start persons or saves. */
  readonly n: number;
  /** How many persons the parent seeded before the run (0 for create and import). */
  readonly persons: number;
  /** The untimed pass the child runs first, in the same process (see child.ts). */
  readonly firstPass: FirstPass;
}

/**
 * A child's first pass: the same operation on `n` items among `persons` of the set `on`. A
 * workload that only reads rehearses on its own data; one that writes rehearses on the rehearsal
 * persons the parent seeded beside the workload's. When `n` equals the job's, the pass also gives
 * the cold figure: what the workload costs a process that has not run it before.
 */
export interface FirstPass {
  readonly n: number;
  readonly persons: number;
  readonly on: PersonSet;
  /**
   * How many times the child runs the pass before its timed passes (the first run is the one
   * reported): until about as many calls as `WARM_UP_ITEMS` have warmed the process.
   */
  readonly times: number;
}

/** The job a child's first pass runs: the job itself, with the first pass's item and person counts. */
export function rehearsalJob(job: Job): Job {
  return { ...job, n: job.firstPass.n, persons: job.firstPass.persons };
}

/** What a system's implementation of a workload returns: its item count and, for reads, checksum lines. */
export interface Outcome {
  readonly rows: number;
  readonly lines?: readonly string[];
}

/** One system's implementation of the workloads; a missing operation is reported as unsupported. */
export type SystemSide = {
  open(): Promise<void>;
  close(): Promise<void>;
} & Partial<Record<Operation, (job: Job) => Promise<Outcome>>>;

/** Time, client CPU and result of one pass. */
export interface PassReport {
  readonly seconds: number;
  /**
   * CPU time of the child process during the pass (user + system): the client's share of a
   * machine whose server runs on the same cores.
   */
  readonly cpuSeconds: number;
  readonly rows: number;
  readonly checksum?: string;
}

/**
 * What a child prints, one message per line after {@link MESSAGE_PREFIX} (anything else a library
 * prints is ignored): `ready` once it has connected and run its first pass and warm-up, `pass` after
 * each timed pass the parent asks for, `closed` once it has disconnected; or `unsupported` / `error`.
 */
export type ChildMessage =
  | { readonly ready: { readonly firstPass: PassReport; readonly baseRssMb: number } }
  | { readonly pass: PassReport }
  | { readonly closed: { readonly peakRssMb: number } }
  | { readonly unsupported: string }
  | { readonly error: string };

/** What the parent writes to a child's standard input, one per line. */
export type Command = 'pass' | 'close';

/** Marks a line of a child's standard output as a {@link ChildMessage}. */
export const MESSAGE_PREFIX = '@bench ';

export function connection(): { url: string; username: string; password: string } {
  const url = process.env.NEO4J_URI;
  if (!url) throw new Error('NEO4J_URI is not set');
  return { url, username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' };
}
