// What the benchmark parent sends a system's child process, and what the child prints back.

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

/** The last line a child prints. */
export interface ChildReport {
  readonly seconds?: number;
  readonly rows?: number;
  readonly checksum?: string;
  /** Peak resident memory of the child process (getrusage maxrss). */
  readonly peakRssMb?: number;
  /** Resident memory after connecting, before the timed part (for import's memory above baseline). */
  readonly baseRssMb?: number;
  /**
   * CPU time of the child process during the timed part (user + system): the client's share of a
   * machine whose server runs on the same cores.
   */
  readonly cpuSeconds?: number;
  readonly unsupported?: string;
  readonly error?: string;
}

export function connection(): { url: string; username: string; password: string } {
  const url = process.env.NEO4J_URI;
  if (!url) throw new Error('NEO4J_URI is not set');
  return { url, username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' };
}
