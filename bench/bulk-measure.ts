// One-off measurement of issue 13's bulk workloads (not part of `pnpm bench`): relateMany against a
// raw driver UNWIND (with and without the same checks), and importMany against a raw batched import,
// each run in a process of its own so that peak RSS is that system's alone.
//
//   pnpm build
//   bash /work/servers/run.sh bash -c 'for w in relate-setup relate-raw relate-raw-checked relate-cartograph \
//     import-raw import-raw-keyed import-raw-merge import-cartograph; do \
//     tsx --tsconfig bench/tsconfig.json bench/bulk-measure.ts $w; done'
process.setSourceMapsEnabled(false);

import 'reflect-metadata';
import {
  Graph,
  IntegerProperty,
  Node,
  NodeEntity,
  RelationshipFrom,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  ZeroOrOne,
} from '@cartograph/core';
import type { Driver } from 'neo4j-driver';

@Node()
class Member extends NodeEntity {
  @StringProperty({ unique: true, required: true }) email!: string;
  @RelationshipTo(() => Member, 'FOLLOWS') follows!: RelationshipManager<Member>;
  @RelationshipTo(() => Club, 'BELONGS_TO', { cardinality: ZeroOrOne }) club!: RelationshipManager<Club>;
}

@Node()
class Club extends NodeEntity {
  @StringProperty({ unique: true, required: true }) name!: string;
  @RelationshipFrom(() => Member, 'BELONGS_TO') members!: RelationshipManager<Member>;
}

@Node()
class Reading extends NodeEntity {
  @StringProperty({ unique: true, required: true }) ref!: string;
  @IntegerProperty() value!: number;
}

const MEMBERS = 10_000;
const PAIRS = 10_000;
const ROWS = Number(process.env.IMPORT_ROWS ?? 1_000_000);
const BATCH = 10_000;

const email = (i: number) => `m${i}@example.com`;
// Every member follows the next one; every member joins one of 100 clubs.
const follows = Array.from({ length: PAIRS }, (_, i) => ({ a: email(i), b: email((i + 1) % MEMBERS) }));
const joins = Array.from({ length: PAIRS }, (_, i) => ({ a: email(i), b: `club${i % 100}` }));

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

async function timed(label: string, work: () => Promise<unknown>): Promise<void> {
  const baseline = process.memoryUsage().rss;
  peakRss = baseline;
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  process.stdout.write(
    `${label}\t${seconds.toFixed(2)} s\tpeak RSS ${mb(peakRss)} MB (+${mb(peakRss - baseline)} over baseline)\t${JSON.stringify(result)}\n`,
  );
}

async function* readings() {
  for (let i = 0; i < ROWS; i++) yield { ref: `r${i}`, value: i % 1000 };
}

async function rawImport(driver: Driver, cypher: string): Promise<number> {
  const session = driver.session();
  let batch: object[] = [];
  let written = 0;
  const flush = async () => {
    const rows = batch;
    batch = [];
    const result = await session.executeWrite((tx) => tx.run(cypher, { rows }));
    written += result.summary.counters.updates().nodesCreated;
  };
  try {
    for await (const row of readings()) {
      batch.push(row);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    await session.close();
  }
  return written;
}

async function rawImportReadFirst(driver: Driver): Promise<number> {
  const session = driver.session();
  let batch: { ref: string; value: number }[] = [];
  let written = 0;
  const flush = async () => {
    const rows = batch;
    batch = [];
    written += await session.executeWrite(async (tx) => {
      const stored = await tx.run('UNWIND $keys AS k MATCH (m:Reading {ref: k}) RETURN k', {
        keys: rows.map((r) => r.ref),
      });
      const skip = new Set(stored.records.map((r) => r.get('k') as string));
      const fresh = rows.filter((r) => !skip.has(r.ref));
      const result = await tx.run('UNWIND $rows AS row CREATE (n:Reading) SET n = row', { rows: fresh });
      return result.summary.counters.updates().nodesCreated;
    });
  };
  try {
    for await (const row of readings()) {
      batch.push(row);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    await session.close();
  }
  return written;
}

const RAW_FOLLOW = `UNWIND $pairs AS p
MATCH (a:Member {email: p.a}) MATCH (b:Member {email: p.b})
WHERE NOT EXISTS { (a)-[:FOLLOWS]->(b) }
CREATE (a)-[:FOLLOWS]->(b)`;

// What a careful hand-written version of the same guarantees sends: lock both ends in element-id
// order and read the counts, check in the client, then create.
const RAW_LOCK = `CALL () {
  UNWIND $from AS k MATCH (n:Member {email: k}) RETURN n, k, 0 AS side
  UNION ALL
  UNWIND $to AS k MATCH (n:Club {name: k}) RETURN n, k, 1 AS side
}
WITH n, k, side ORDER BY elementId(n)
SET n.__lock = true REMOVE n.__lock
RETURN side, k, elementId(n) AS id, COUNT { (n)-[:BELONGS_TO]->(:Club) } AS owner`;
const RAW_PAIRS = `UNWIND $pairs AS p MATCH (a) WHERE elementId(a) = p.a MATCH (b) WHERE elementId(b) = p.b
RETURN p.a AS a, p.b AS b, COUNT { (a)-[:BELONGS_TO]->(b) } AS pair`;
const RAW_CREATE = `UNWIND $pairs AS p MATCH (a) WHERE elementId(a) = p.a MATCH (b) WHERE elementId(b) = p.b
CREATE (a)-[:BELONGS_TO]->(b)`;

async function rawCheckedJoin(driver: Driver): Promise<number> {
  const session = driver.session();
  try {
    return await session.executeWrite(async (tx) => {
      const from = [...new Set(joins.map((j) => j.a))];
      const to = [...new Set(joins.map((j) => j.b))];
      const locked = await tx.run(RAW_LOCK, { from, to });
      const ids = new Map<string, string>();
      const owner = new Map<string, number>();
      for (const r of locked.records) {
        ids.set(`${r.get('side')}:${r.get('k')}`, r.get('id'));
        owner.set(r.get('id'), Number(r.get('owner')));
      }
      const pairs = joins.map((j) => ({ a: ids.get(`0:${j.a}`)!, b: ids.get(`1:${j.b}`)! }));
      const counted = await tx.run(RAW_PAIRS, { pairs });
      const existing = new Set(
        counted.records.filter((r) => Number(r.get('pair')) > 0).map((r) => `${r.get('a')}:${r.get('b')}`),
      );
      const missing = pairs.filter((p) => !existing.has(`${p.a}:${p.b}`));
      const added = new Map<string, number>();
      for (const p of missing) added.set(p.a, (added.get(p.a) ?? 0) + 1);
      for (const [id, n] of added) if ((owner.get(id) ?? 0) + n > 1) throw new Error('cardinality');
      const created = await tx.run(RAW_CREATE, { pairs: missing });
      return created.summary.counters.updates().relationshipsCreated;
    });
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const workload = process.argv[2] ?? '';
  const url = process.env.NEO4J_URI!;
  const auth = { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! };
  const graph = await Graph.connect({ url, auth, defaultTimeoutMs: 0 });
  const driver = graph.driver;
  // graph.cypher sends IN TRANSACTIONS as auto-commit (driver.executeQuery would wrap it in a transaction).
  const clearRelationships = () =>
    graph.cypher('MATCH ()-[r:FOLLOWS|BELONGS_TO]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
  try {
    if (workload === 'relate-setup') {
      await graph.cypher('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      await graph.installSchema();
      await Member.createMany(Array.from({ length: MEMBERS }, (_, i) => ({ email: email(i) })));
      await Club.createMany(Array.from({ length: 100 }, (_, i) => ({ name: `club${i}` })));
    } else if (workload === 'relate-raw') {
      await clearRelationships();
      await timed('raw UNWIND follows 10k (no lock, no count)', () =>
        driver
          .executeQuery(RAW_FOLLOW, { pairs: follows })
          .then((r) => r.summary.counters.updates().relationshipsCreated),
      );
      await clearRelationships();
      await timed('raw UNWIND joins 10k (no lock, no count)', () =>
        driver
          .executeQuery(
            'UNWIND $pairs AS p MATCH (a:Member {email: p.a}) MATCH (b:Club {name: p.b}) CREATE (a)-[:BELONGS_TO]->(b)',
            { pairs: joins },
          )
          .then((r) => r.summary.counters.updates().relationshipsCreated),
      );
    } else if (workload === 'relate-raw-checked') {
      await clearRelationships();
      await timed('raw joins 10k, same checks (lock, counts, ZeroOrOne)', () => rawCheckedJoin(driver));
    } else if (workload === 'relate-cartograph') {
      await clearRelationships();
      await timed('relateMany follows 10k', () =>
        Member.relateMany(
          'follows',
          follows.map((f) => ({ from: { email: f.a }, to: { email: f.b } })),
        ),
      );
      await clearRelationships();
      await timed('relateMany joins 10k (ZeroOrOne checked)', () =>
        Member.relateMany(
          'club',
          joins.map((j) => ({ from: { email: j.a }, to: { name: j.b } })),
        ),
      );
    } else if (workload.startsWith('import-')) {
      await graph.cypher('MATCH (n:Reading) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      await graph.installSchema();
      if (workload === 'import-raw') {
        await timed(`raw batched import ${ROWS} (CREATE)`, () =>
          rawImport(driver, 'UNWIND $rows AS row CREATE (n:Reading) SET n = row'),
        );
      } else if (workload === 'import-raw-keyed') {
        await timed(`raw batched import ${ROWS} (CREATE where key not stored)`, () =>
          rawImport(
            driver,
            'UNWIND $rows AS row WITH row WHERE NOT EXISTS { MATCH (m:Reading) WHERE m.ref = row.ref } CREATE (n:Reading) SET n = row',
          ),
        );
      } else if (workload === 'import-raw-read-first') {
        await timed(`raw batched import ${ROWS} (read stored keys, then CREATE the rest)`, () =>
          rawImportReadFirst(driver),
        );
      } else if (workload === 'import-raw-merge') {
        await timed(`raw batched import ${ROWS} (MERGE on key)`, () =>
          rawImport(driver, 'UNWIND $rows AS row MERGE (n:Reading {ref: row.ref}) ON CREATE SET n = row'),
        );
      } else if (workload === 'import-createmany') {
        // One transaction for everything: expected to fail on the server's transaction memory.
        await timed(`createMany ${ROWS} (one transaction)`, async () => {
          const rows: { ref: string; value: number }[] = [];
          for await (const row of readings()) rows.push(row);
          return Reading.createMany(rows).then(
            (created) => created.length,
            (error: Error & { code?: string; cause?: { code?: string } }) =>
              `${error.name} ${error.code} (server: ${error.cause?.code})`,
          );
        });
      } else if (workload === 'import-cartograph') {
        await timed(`importMany ${ROWS}`, () => Reading.importMany(readings(), { batchSize: BATCH }));
      }
    } else {
      throw new Error(`unknown workload ${workload}`);
    }
  } finally {
    clearInterval(sampler);
    await graph.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
