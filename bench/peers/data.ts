// The deterministic data every workload generates for itself (no dataset files), and the checksum
// every system's result is compared with. bench/peers/py/child.py mirrors these formulas exactly:
// change one, change both.
import { createHash } from 'node:crypto';

/** One person of the benchmark graph: `(:Person {email, name, age})`, email unique. */
export interface PersonRow {
  readonly email: string;
  readonly name: string;
  readonly age: number;
}

/**
 * Which persons `person(i)` describes: the workload's own (`person0@example.com`, ...) or the
 * rehearsal set (`rehearsal0@example.com`, ...) that a child's untimed first pass writes to, so that
 * rehearsing a write changes nothing the run is verified on (see child.ts).
 */
export type PersonSet = 'workload' | 'rehearsal';

/** The email prefix of the workload's own persons: what the checks after a write workload read. */
export const WORKLOAD_EMAIL_PREFIX = 'person';

let current: PersonSet = 'workload';

/**
 * Runs `work` with `person(i)` describing the persons of `set`, then switches back to the
 * workload's own (the process is single-threaded, and `work` is the only thing it runs).
 */
export async function withPersons<T>(set: PersonSet, work: () => Promise<T>): Promise<T> {
  current = set;
  try {
    return await work();
  } finally {
    current = 'workload';
  }
}

export function person(i: number): PersonRow {
  const prefix = current === 'workload' ? WORKLOAD_EMAIL_PREFIX : 'rehearsal';
  return { email: `${prefix}${i}@example.com`, name: `Person ${i}`, age: 18 + ((i * 7) % 60) };
}

export function* persons(count: number): Generator<PersonRow> {
  for (let i = 0; i < count; i++) yield person(i);
}

/** The index of the j-th person a read, save or friends-of-friends workload visits (all distinct while j < count). */
export function visit(j: number, count: number): number {
  return (j * 7919) % count;
}

/**
 * The j-th pair a relate workload connects, among `count` persons (count = pairs / 10): every person
 * gets ten outgoing KNOWS, to the ten persons after it, so no pair repeats and none is a loop.
 */
export function pair(j: number, count: number): { from: number; to: number } {
  const from = j % count;
  return { from, to: (from + 1 + Math.floor(j / count)) % count };
}

/** The friendship graph friends-of-friends reads: i KNOWS i+1, i+7 and i+31 (mod count). */
export const FRIEND_STEPS = [1, 7, 31] as const;

/** The emails of the pairs a relate workload connects. */
export function pairEmails(n: number, count: number): { from: string; to: string }[] {
  return Array.from({ length: n }, (_, j) => {
    const { from, to } = pair(j, count);
    return { from: person(from).email, to: person(to).email };
  });
}

/** Filtered query j: persons aged min..min+9, by age descending then email, first 20. */
export function ageWindow(j: number): { min: number; max: number } {
  const min = 18 + (j % 50);
  return { min, max: min + 9 };
}
export const FILTER_LIMIT = 20;

/** sha1 of the lines, one per returned item, in the order the workload defines. */
export function checksum(lines: readonly string[]): string {
  const hash = createHash('sha1');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** How every system writes one hydrated person into its checksum lines. */
export function personLine(p: {
  email: string;
  name: string;
  age: number | bigint | { toNumber(): number };
}): string {
  const age = typeof p.age === 'object' ? p.age.toNumber() : Number(p.age);
  return `${p.email}|${p.name}|${age}`;
}

/** The checksum line of a filtered query: the emails in the order returned. */
export function emailsLine(found: readonly { email: string }[]): string {
  return found.map((p) => p.email).join(',');
}

/** The checksum line of one person's friends of friends: their emails, sorted. */
export function friendsLine(email: string, emails: readonly string[]): string {
  return `${email}:${[...emails].sort().join(',')}`;
}
