// The raw neo4j-driver baseline: hand-written Cypher, mapped by hand to plain objects. One-by-one
// operations send one auto-commit query each (one round trip); bulk writes send UNWIND batches of
// 10k in one managed transaction; the import commits each batch on its own.
import neo4j, { type Driver, type Node as Neo4jNode } from 'neo4j-driver';
import {
  ageWindow,
  emailsLine,
  FILTER_LIMIT,
  friendsLine,
  pairEmails,
  person,
  personLine,
  persons,
  visit,
} from '../data';
import { connection, type SystemSide } from '../protocol';
import { oneByOne } from '../sequential';

const BATCH = 10_000;
let driver: Driver;

interface Plain {
  elementId: string;
  email: string;
  name: string;
  age: number;
}

function plain(node: Neo4jNode): Plain {
  const p = node.properties as { email: string; name: string; age: { toNumber(): number } };
  return { elementId: node.elementId, email: p.email, name: p.name, age: p.age.toNumber() };
}

/** One auto-commit query in a session of its own, as a request handler would send it. */
async function run(cypher: string, params: Record<string, unknown>, read = true) {
  const session = driver.session({ defaultAccessMode: read ? neo4j.session.READ : neo4j.session.WRITE });
  try {
    return (await session.run(cypher, params)).records;
  } finally {
    await session.close();
  }
}

function* batches<T>(items: Iterable<T>): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const withIntAge = (p: { email: string; name: string; age: number }) => ({ ...p, age: neo4j.int(p.age) });

const side: SystemSide = {
  async open() {
    const { url, username, password } = connection();
    driver = neo4j.driver(url, neo4j.auth.basic(username, password));
    await driver.verifyConnectivity();
  },
  close: () => driver.close(),

  async create(job) {
    const session = driver.session();
    try {
      const ids = await session.executeWrite(async (tx) => {
        const all: string[] = [];
        for (const batch of batches(persons(job.n))) {
          const result = await tx.run(
            'UNWIND $rows AS row CREATE (p:Person) SET p = row RETURN elementId(p) AS id',
            { rows: batch.map(withIntAge) },
          );
          for (const record of result.records) all.push(record.get('id') as string);
        }
        return all;
      });
      return { rows: new Set(ids).size };
    } finally {
      await session.close();
    }
  },

  async relate(job) {
    const session = driver.session();
    try {
      await session.executeWrite(async (tx) => {
        for (const batch of batches(pairEmails(job.n, job.persons))) {
          await tx.run(
            `UNWIND $pairs AS pair
             MATCH (a:Person {email: pair.from}) MATCH (b:Person {email: pair.to})
             MERGE (a)-[:KNOWS]->(b)`,
            { pairs: batch },
          );
        }
      });
      return { rows: job.n };
    } finally {
      await session.close();
    }
  },

  async 'relate-one'(job) {
    for (const { from, to } of pairEmails(job.n, job.persons)) {
      await run(
        'MATCH (a:Person {email: $from}) MATCH (b:Person {email: $to}) MERGE (a)-[r:KNOWS]->(b) RETURN elementId(r)',
        { from, to },
        false,
      );
    }
    return { rows: job.n };
  },

  read: (job) =>
    oneByOne(job.n, async (j) => {
      const records = await run('MATCH (p:Person {email: $email}) RETURN p', {
        email: person(visit(j, job.persons)).email,
      });
      return { rows: 1, line: personLine(plain(records[0]!.get('p') as Neo4jNode)) };
    }),

  filter: (job) =>
    oneByOne(job.n, async (j) => {
      const { min, max } = ageWindow(j);
      const records = await run(
        'MATCH (p:Person) WHERE p.age >= $min AND p.age <= $max RETURN p ORDER BY p.age DESC, p.email ASC LIMIT $limit',
        { min: neo4j.int(min), max: neo4j.int(max), limit: neo4j.int(FILTER_LIMIT) },
      );
      const found = records.map((r) => plain(r.get('p') as Neo4jNode));
      return { rows: found.length, line: emailsLine(found) };
    }),

  fof: (job) =>
    oneByOne(job.n, async (j) => {
      const email = person(visit(j, job.persons)).email;
      const records = await run(
        'MATCH (:Person {email: $email})-[:KNOWS]->(:Person)-[:KNOWS]->(f:Person) RETURN DISTINCT f',
        { email },
      );
      const found = records.map((r) => plain(r.get('f') as Neo4jNode));
      return {
        rows: found.length,
        line: friendsLine(
          email,
          found.map((p) => p.email),
        ),
      };
    }),

  async save(job) {
    for (let j = 0; j < job.n; j++) {
      const records = await run('MATCH (p:Person {email: $email}) RETURN p', {
        email: person(visit(j, job.persons)).email,
      });
      const loaded = plain(records[0]!.get('p') as Neo4jNode);
      loaded.age += 1;
      await run(
        'MATCH (p) WHERE elementId(p) = $id SET p.age = $age',
        { id: loaded.elementId, age: neo4j.int(loaded.age) },
        false,
      );
    }
    return { rows: job.n };
  },

  /** The raw batched import: each batch of 10k its own transaction, rows generated as they are sent. */
  async import(job) {
    let written = 0;
    for (const batch of batches(persons(job.n))) {
      const session = driver.session();
      try {
        await session.executeWrite((tx) =>
          tx.run('UNWIND $rows AS row CREATE (p:Person) SET p = row', { rows: batch.map(withIntAge) }),
        );
      } finally {
        await session.close();
      }
      written += batch.length;
    }
    return { rows: written };
  },
};

export default side;
