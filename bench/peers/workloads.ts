// The peer workloads: what each one seeds, what the truth is (computed here from the same formulas
// the systems use, so every system is checked against it rather than against each other), and the
// issue's target for Cartograph.
import neo4j, { type Driver } from 'neo4j-driver';
import {
  ageWindow,
  checksum,
  FILTER_LIMIT,
  FRIEND_STEPS,
  pair,
  person,
  personLine,
  persons,
  visit,
  WORKLOAD_EMAIL_PREFIX,
} from './data';
import type { Job, Operation } from './protocol';

/** Truth for a run: the item count a system must report, and the checksum of its result or of the database after it. */
export interface Expected {
  readonly rows: number;
  /** Checksum of the lines a read workload returns (compared with the child's). */
  readonly result?: string;
  /** Checksum of the database after a write workload (compared with `verify`). */
  readonly database?: string;
}

/** Cartograph's target on a workload (issue 13): always faster than every peer, sometimes also near raw. */
export interface Target {
  readonly maxRatioToRaw?: number;
  /** For the import: peak resident memory above the baseline, in MB. */
  readonly maxMemoryMb?: number;
}

export interface Workload {
  /** Short name for `--workloads`. */
  readonly id: string;
  readonly name: string;
  readonly op: Operation;
  /** Full size; `--quick` divides n and persons by ten. */
  readonly n: number;
  readonly persons: number;
  /** Whether a run changes the data (then every run gets a freshly reset and seeded database). */
  readonly mutates: boolean;
  /** The graph the run starts from (after the reset and the unique constraint). */
  seed(driver: Driver, job: Job): Promise<void>;
  expected(job: Job): Expected;
  /** Checksum of the database after a write workload. */
  verify?(driver: Driver, job: Job): Promise<{ rows: number; checksum: string }>;
  readonly target: Target;
  /** Systems that take part (default: all). */
  readonly systems?: readonly string[];
  /** Seconds a run may take at full size (a tenth with --quick), instead of the default timeout. */
  readonly timeout?: number;
  /** Off unless asked for by name or flag (the 10M import). */
  readonly optIn?: boolean;
}

const BATCH = 10_000;

async function seedPersons(driver: Driver, count: number): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(start + BATCH, count); i++) {
      const p = person(i);
      rows.push({ ...p, age: neo4j.int(p.age) });
    }
    await driver.executeQuery('UNWIND $rows AS row CREATE (p:Person) SET p = row', { rows });
  }
}

async function seedFriendships(driver: Driver, count: number): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    await driver.executeQuery(
      `UNWIND range($from, $to) AS i UNWIND $steps AS step
       MATCH (a:Person {email: 'person' + i + '@example.com'})
       MATCH (b:Person {email: 'person' + ((i + step) % $count) + '@example.com'})
       CREATE (a)-[:KNOWS]->(b)`,
      {
        from: neo4j.int(start),
        to: neo4j.int(Math.min(start + BATCH, count) - 1),
        steps: FRIEND_STEPS.map((s) => neo4j.int(s)),
        count: neo4j.int(count),
      },
    );
  }
}

/** Every person of the workload's set (not the rehearsal's) as checksum lines, sorted. */
async function personsChecksum(driver: Driver): Promise<{ rows: number; checksum: string }> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Person) WHERE p.email STARTS WITH $prefix
     RETURN p.email AS email, p.name AS name, p.age AS age`,
    { prefix: WORKLOAD_EMAIL_PREFIX },
  );
  const lines = records.map((r) =>
    personLine({ email: r.get('email'), name: r.get('name'), age: r.get('age') }),
  );
  return { rows: lines.length, checksum: checksum(lines.sort()) };
}

/** For the 10M import, where fetching every row back would dwarf the import: aggregates only. */
async function personsAggregate(driver: Driver): Promise<{ rows: number; checksum: string }> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Person) WHERE p.email STARTS WITH $prefix
     RETURN count(p) AS rows, count(DISTINCT p.email) AS emails, sum(p.age) AS ages`,
    { prefix: WORKLOAD_EMAIL_PREFIX },
  );
  const r = records[0]!;
  const rows = Number(r.get('rows'));
  return { rows, checksum: `${rows}/${Number(r.get('emails'))}/${Number(r.get('ages'))}` };
}

const relationshipLine = (from: string, to: string) => `${from}>${to}`;

async function relationshipsChecksum(driver: Driver): Promise<{ rows: number; checksum: string }> {
  const { records } = await driver.executeQuery(
    `MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE a.email STARTS WITH $prefix
     RETURN a.email AS a, b.email AS b`,
    { prefix: WORKLOAD_EMAIL_PREFIX },
  );
  const lines = records.map((r) => relationshipLine(r.get('a'), r.get('b')));
  return { rows: lines.length, checksum: checksum(lines.sort()) };
}

function expectedPersons(count: number, modified: ReadonlySet<number> = new Set()): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = person(i);
    lines.push(personLine(modified.has(i) ? { ...p, age: p.age + 1 } : p));
  }
  return checksum(lines.sort());
}

function create(id: string, name: string, n: number): Workload {
  return {
    id,
    name,
    op: 'create',
    n,
    persons: 0,
    mutates: true,
    seed: async () => {},
    expected: (job) => ({ rows: job.n, database: expectedPersons(job.n) }),
    verify: personsChecksum,
    target: { maxRatioToRaw: 1.15 },
  };
}

function relate(
  id: string,
  name: string,
  op: 'relate' | 'relate-one',
  n: number,
  maxRatioToRaw: number,
): Workload {
  return {
    id,
    name,
    op,
    n,
    persons: n / 10,
    mutates: true,
    seed: (driver, job) => seedPersons(driver, job.persons),
    expected(job) {
      const lines = Array.from({ length: job.n }, (_, j) => {
        const { from, to } = pair(j, job.persons);
        return relationshipLine(person(from).email, person(to).email);
      });
      return { rows: job.n, database: checksum(lines.sort()) };
    },
    verify: relationshipsChecksum,
    target: { maxRatioToRaw },
  };
}

export const WORKLOADS: readonly Workload[] = [
  create('create-20k', 'bulk create 20k, ids returned', 20_000),
  create('create-100k', 'bulk create 100k, ids returned', 100_000),
  relate('relate-10k', 'bulk relate 10k pairs by key', 'relate', 10_000, 1.15),
  relate('relate-300k', 'bulk relate 300k pairs by key', 'relate', 300_000, 1.15),
  relate('relate-one-2k', 'relate 2k pairs one by one', 'relate-one', 2_000, 1.2),
  {
    id: 'reads-2k',
    name: 'point reads 2k by unique key, hydrated',
    op: 'read',
    n: 2_000,
    persons: 10_000,
    mutates: false,
    seed: (driver, job) => seedPersons(driver, job.persons),
    expected(job) {
      const lines = Array.from({ length: job.n }, (_, j) => personLine(person(visit(j, job.persons))));
      return { rows: job.n, result: checksum(lines) };
    },
    target: { maxRatioToRaw: 1.1 },
  },
  {
    id: 'filter-200',
    name: '200 filtered, ordered, limited queries',
    op: 'filter',
    n: 200,
    persons: 10_000,
    mutates: false,
    seed: (driver, job) => seedPersons(driver, job.persons),
    expected(job) {
      const all = [...persons(job.persons)];
      let rows = 0;
      const lines = Array.from({ length: job.n }, (_, j) => {
        const { min, max } = ageWindow(j);
        const found = all
          .filter((p) => p.age >= min && p.age <= max)
          .sort((a, b) => b.age - a.age || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))
          .slice(0, FILTER_LIMIT);
        rows += found.length;
        return found.map((p) => p.email).join(',');
      });
      return { rows, result: checksum(lines) };
    },
    target: {},
  },
  {
    id: 'fof-200',
    name: 'friends of friends of 200 persons, hydrated',
    op: 'fof',
    n: 200,
    persons: 10_000,
    mutates: false,
    async seed(driver, job) {
      await seedPersons(driver, job.persons);
      await seedFriendships(driver, job.persons);
    },
    expected(job) {
      let rows = 0;
      const lines = Array.from({ length: job.n }, (_, j) => {
        const start = visit(j, job.persons);
        const far = new Set<string>();
        for (const a of FRIEND_STEPS)
          for (const b of FRIEND_STEPS) far.add(person((start + a + b) % job.persons).email);
        rows += far.size;
        return `${person(start).email}:${[...far].sort().join(',')}`;
      });
      return { rows, result: checksum(lines) };
    },
    target: {},
  },
  {
    id: 'save-2k',
    name: '2k load, modify, save one by one',
    op: 'save',
    n: 2_000,
    persons: 10_000,
    mutates: true,
    seed: (driver, job) => seedPersons(driver, job.persons),
    expected(job) {
      const modified = new Set(Array.from({ length: job.n }, (_, j) => visit(j, job.persons)));
      return { rows: job.n, database: expectedPersons(job.persons, modified) };
    },
    verify: personsChecksum,
    target: { maxRatioToRaw: 1.2 },
  },
  {
    id: 'import-10m',
    name: 'import 10M nodes',
    op: 'import',
    n: 10_000_000,
    persons: 0,
    mutates: true,
    seed: async () => {},
    expected(job) {
      let ages = 0;
      for (let i = 0; i < job.n; i++) ages += person(i).age;
      return { rows: job.n, database: `${job.n}/${job.n}/${ages}` };
    },
    verify: personsAggregate,
    target: { maxRatioToRaw: 1.15, maxMemoryMb: 200 },
    systems: ['raw', 'cartograph'],
    timeout: 3600,
    optIn: true,
  },
];

/**
 * How many items a child's first pass and the warm-up after it handle together, before its timed
 * passes: per-call client CPU of a one-by-one workload was still falling in calls 2 001 to 4 000
 * (by a fifth to a third, for the raw driver and Cartograph alike). A workload of fewer items
 * repeats its first pass until this many have run; a larger one (every bulk workload, whose first
 * pass cannot be repeated: it would create the same rehearsal persons again) runs this many once.
 */
const WARM_UP_ITEMS = 4_000;

/** The job a workload sends at full size or at a tenth of it. */
export function jobOf(workload: Workload, quick: boolean): Job {
  const scale = quick ? 10 : 1;
  const n = workload.n / scale;
  const persons = workload.persons / scale;
  const warmUp = WARM_UP_ITEMS / scale;
  const firstN = Math.min(n, warmUp);
  return {
    workload: workload.name,
    op: workload.op,
    n,
    persons,
    firstPass: {
      n: firstN,
      // A workload that writes rehearses on persons of its own, as many per item as the run has.
      persons: workload.mutates ? Math.round((persons * firstN) / n) : persons,
      on: workload.mutates ? 'rehearsal' : 'workload',
      times: Math.ceil(warmUp / firstN),
    },
  };
}
