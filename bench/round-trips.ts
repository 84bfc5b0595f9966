// `tsx --tsconfig bench/tsconfig.json bench/round-trips.ts` (NEO4J_URI etc. set; the database is
// wiped): the one-by-one workloads whose cost is round trips, each against the raw driver doing the
// same work in one auto-commit statement, interleaved in rounds, medians reported.
// - point reads: `Person.nodes.get({ email })` vs `session.run(MATCH ... {email: $email})`;
// - connect: `alice.employer.connect(company)` (ZeroOrOne, both ends locked and counted) vs one
//   hand-written statement that locks both ends in element-id order, counts and creates;
// - relate by key: `Person.relate({ email }, 'employer', { name })` vs one hand-written statement
//   that finds both by key, locks them in element-id order, counts and creates;
// - save: load by email, change one field, `save()` vs the same by hand (read, then SET).
// Set ROUND_TRIP_N (default 2000) and ROUND_TRIP_ROUNDS (default 5); ROUND_TRIP_ONLY=<part of a name>
// runs one workload. Wall time and this process's CPU time (user + system, which on a small machine
// the server competes for) per operation, medians of the rounds.
import 'reflect-metadata';
import {
  Graph,
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  RelationshipFrom,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  ZeroOrOne,
} from '@cartograph/core';
import neo4j, { type Driver } from 'neo4j-driver';
import { median, spreadText } from './statistics';

// As in `pnpm bench`: under tsx every stack trace the driver captures per result would be
// source-mapped, a cost that neither side has in production and that would flatter the ratio.
process.setSourceMapsEnabled(false);

@Node()
class Company extends NodeEntity {
  declare static readonly nodes: NodeSet<Company>;
  @StringProperty({ unique: true, required: true }) name!: string;
  @RelationshipFrom(() => Person, 'WORKS_AT') staff!: RelationshipManager<Person>;
}

@Node()
class Person extends NodeEntity {
  declare static readonly nodes: NodeSet<Person>;
  @StringProperty({ unique: true, required: true }) email!: string;
  @StringProperty() name!: string;
  @IntegerProperty({ default: 0 }) age!: number;
  @RelationshipTo(() => Company, 'WORKS_AT', { cardinality: ZeroOrOne })
  employer!: RelationshipManager<Company>;
}

const N = Number(process.env.ROUND_TRIP_N ?? 2_000);
const ROUNDS = Number(process.env.ROUND_TRIP_ROUNDS ?? 5);
const email = (i: number) => `person${i}@example.com`;

type Side = () => Promise<void>;

/** ROUND_TRIP_RAW_BOOKMARKS=1: raw reads start from the OGM's bookmarks, as its read sessions do. */
let readBookmarks: () => string[] = () => [];

async function rawRead(driver: Driver, cypher: string, params: Record<string, unknown>) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, bookmarks: readBookmarks() });
  try {
    return (await session.run(cypher, params)).records;
  } finally {
    await session.close();
  }
}

async function rawWrite(driver: Driver, cypher: string, params: Record<string, unknown>) {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return (await session.run(cypher, params)).records;
  } finally {
    await session.close();
  }
}

// Locks both ends in element-id order, counts the owner and the pair, creates when allowed (a
// refusal returns r = null). After a head that binds a and b.
const RAW_LOCK_COUNT_CREATE = `
WITH a, b, CASE WHEN elementId(a) <= elementId(b) THEN [a, b] ELSE [b, a] END AS ends
SET (ends[0]).__lock = true SET (ends[1]).__lock = true REMOVE (ends[0]).__lock REMOVE (ends[1]).__lock
WITH a, b, COUNT { (a)-[:WORKS_AT]->(:Company) } AS owner, COUNT { (a)-[:WORKS_AT]->(b) } AS pair
CALL (a, b, owner, pair) {
  WITH a, b WHERE pair = 0 AND owner < 1
  CREATE (a)-[r:WORKS_AT]->(b) RETURN r
}
RETURN r`;

const RAW_CONNECT = `MATCH (a) WHERE elementId(a) = $a MATCH (b) WHERE elementId(b) = $b${RAW_LOCK_COUNT_CREATE}`;
// The same by key (a missing node returns no row).
const RAW_RELATE = `MATCH (a:Person {email: $from}) MATCH (b:Company {name: $to})${RAW_LOCK_COUNT_CREATE}`;

/** `Graph.latestBookmarks` is internal: stripped from the published types the bench compiles against. */
function latestBookmarks(graph: Graph): readonly string[] {
  return (graph as unknown as { latestBookmarks(): readonly string[] }).latestBookmarks();
}

async function main() {
  const url = process.env.NEO4J_URI!;
  const auth = {
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
  };
  const graph = await Graph.connect({ url, auth });
  if (process.env.ROUND_TRIP_RAW_BOOKMARKS) readBookmarks = () => [...latestBookmarks(graph)];
  const driver = neo4j.driver(url, neo4j.auth.basic(auth.username, auth.password));
  await graph.cypher('MATCH (n) DETACH DELETE n');
  await graph.installSchema();
  await Person.createMany(Array.from({ length: N }, (_, i) => ({ email: email(i), name: `P${i}`, age: 20 })));
  await Company.createMany(Array.from({ length: 2 * N }, (_, i) => ({ name: `C${i}` })));
  const people = await Person.nodes.orderBy('email').all();
  const companies = await Company.nodes.all();
  const byEmail = new Map(people.map((p) => [p.email, p]));
  let round = 0;

  const sides: Record<string, { ogm: Side; raw: Side }> = {
    'point read': {
      ogm: async () => {
        for (let i = 0; i < N; i++) await Person.nodes.get({ email: email(i) });
      },
      raw: async () => {
        for (let i = 0; i < N; i++) {
          const [record] = await rawRead(driver, 'MATCH (n:Person {email: $email}) RETURN n LIMIT 2', {
            email: email(i),
          });
          // The same instance the OGM builds, so both sides pay for hydration.
          Person.inflate(record!.get('n'));
        }
      },
    },
    connect: {
      // Each round connects every person to a company not used before (ZeroOrOne: disconnect first).
      ogm: async () => {
        await graph.cypher('MATCH (:Person)-[r:WORKS_AT]->() DELETE r');
        const offset = (round % 2) * N;
        for (let i = 0; i < N; i++) await people[i]!.employer.connect(companies[offset + i]!);
      },
      raw: async () => {
        await graph.cypher('MATCH (:Person)-[r:WORKS_AT]->() DELETE r');
        const offset = ((round + 1) % 2) * N;
        for (let i = 0; i < N; i++) {
          const [record] = await rawWrite(driver, RAW_CONNECT, {
            a: people[i]!.elementId,
            b: companies[offset + i]!.elementId,
          });
          if (!record || record.get('r') === null) throw new Error('raw connect refused');
        }
      },
    },
    'relate by key': {
      // As connect, with neither node loaded: each person to a company not used before, by key.
      ogm: async () => {
        await graph.cypher('MATCH (:Person)-[r:WORKS_AT]->() DELETE r');
        const offset = (round % 2) * N;
        for (let i = 0; i < N; i++) {
          await Person.relate({ email: email(i) }, 'employer', { name: `C${offset + i}` });
        }
      },
      raw: async () => {
        await graph.cypher('MATCH (:Person)-[r:WORKS_AT]->() DELETE r');
        const offset = ((round + 1) % 2) * N;
        for (let i = 0; i < N; i++) {
          const [record] = await rawWrite(driver, RAW_RELATE, { from: email(i), to: `C${offset + i}` });
          if (!record || record.get('r') === null) throw new Error('raw relate refused');
        }
      },
    },
    'load, modify, save': {
      ogm: async () => {
        for (let i = 0; i < N; i++) {
          const person = await Person.nodes.get({ email: email(i) });
          person.age += 1;
          await person.save();
        }
      },
      raw: async () => {
        for (let i = 0; i < N; i++) {
          const [record] = await rawRead(driver, 'MATCH (n:Person {email: $email}) RETURN n LIMIT 2', {
            email: email(i),
          });
          const person = Person.inflate(record!.get('n'));
          const updated = await rawWrite(
            driver,
            'MATCH (n) WHERE elementId(n) = $id SET n += $changes RETURN elementId(n) AS id',
            {
              id: person.elementId,
              changes: { age: neo4j.int(person.age + 1) },
            },
          );
          if (updated.length === 0) throw new Error('gone');
        }
      },
    },
  };
  void byEmail;

  const only = process.env.ROUND_TRIP_ONLY;
  for (const [name, { ogm, raw }] of Object.entries(sides)) {
    if (only && !name.includes(only)) continue;
    await ogm(); // warm up both, then measure in interleaved rounds
    await raw();
    const times = { ogm: [] as number[], raw: [] as number[] };
    const cpu = { ogm: [] as number[], raw: [] as number[] };
    for (round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['ogm', 'raw'] as const) : (['raw', 'ogm'] as const);
      for (const side of order) {
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        await (side === 'ogm' ? ogm : raw)();
        times[side].push(performance.now() - started);
        const used = process.cpuUsage(cpuBefore);
        cpu[side].push(used.user + used.system);
      }
    }
    // Spread: the rounds' range around the median, and the range of the per-round ratios (each
    // round runs both sides back to back, so the machine's load is about the same for the two).
    const [o, r] = [median(times.ogm), median(times.raw)];
    const ratios = times.ogm.map((t, i) => t / times.raw[i]!);
    const [co, cr] = [median(cpu.ogm) / N, median(cpu.raw) / N];
    process.stdout.write(
      `${name.padEnd(20)} ogm ${(o / N).toFixed(3)} ms/op${spreadText(times.ogm)}  raw ${(r / N).toFixed(3)} ms/op${spreadText(times.raw)}  ` +
        `ratio ${(o / r).toFixed(2)} (rounds ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})` +
        `  |  client CPU µs/op ogm ${co.toFixed(0)} raw ${cr.toFixed(0)} ratio ${(co / cr).toFixed(2)}\n`,
    );
  }
  await graph.close();
  await driver.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
