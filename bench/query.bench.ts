// The query builder against the raw driver: compile rate, an eager-loading traversal, and the
// memory of streaming a large result.
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  optional,
  Relationship,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
} from '@cartograph/core';
import { clearCompiledQueryCache } from '@cartograph/core/internal';
import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import { type BenchContext, type BenchResult, type BenchSuite, ratioResult } from './harness';
import { callsPerSecond } from './rate';
import { median } from './statistics';
import type { StreamMemoryReport } from './stream-memory';

@Node()
class BenchFirm extends NodeEntity {
  declare static readonly nodes: NodeSet<BenchFirm>;
  @StringProperty() name!: string;
}

@Node()
class BenchMember extends NodeEntity {
  declare static readonly nodes: NodeSet<BenchMember>;
  @StringProperty() name!: string;
  @StringProperty() email?: string;
  @IntegerProperty() age?: number;
  @Relationship(() => BenchMember, 'KNOWS') friends!: RelationshipManager<BenchMember>;
  @RelationshipTo(() => BenchFirm, 'WORKS_AT') employer!: RelationshipManager<BenchFirm>;
}

const FRIENDS = Number(process.env.BENCH_FOF_FRIENDS ?? 100); // FRIENDS^2 friends of friends
const STREAM_NODES = Number(process.env.BENCH_STREAM_NODES ?? 1_000_000);

/** (1) Queries built and rendered per second for a 3-filter, 1-hop chain. */
async function measureCompileRate(): Promise<BenchResult[]> {
  let i = 0;
  const build = () =>
    BenchMember.nodes
      .filter({ age: { gte: 18 + (i++ % 50) } })
      .filter({ name: { startsWith: 'A' } })
      .traverse('friends')
      .filter({ email: { endsWith: '@example.com' } })
      .toCypher();
  const cached = callsPerSecond(build);
  const uncached = callsPerSecond(() => {
    clearCompiledQueryCache();
    return build();
  });
  process.stderr.write(
    `compile: ${cached.toFixed(0)} queries/s (compile cache), ${uncached.toFixed(0)} queries/s (cache cleared each time)\n`,
  );
  return [
    {
      name: 'compile 3-filter 1-hop chain',
      unit: 'queries/s',
      ogm: cached,
      target: '>= 100000 queries/s',
      met: cached >= 100_000,
    },
    {
      name: 'compile, compile cache disabled (for comparison)',
      unit: 'queries/s',
      ogm: uncached,
      target: 'none (first compile of a plan)',
      met: true,
    },
  ];
}

async function seedFriendsOfFriends(context: BenchContext): Promise<void> {
  await context.reset();
  await context.driver.executeQuery(
    `CREATE (root:BenchMember {name: 'root', email: 'root@example.com', age: 40})
     WITH root UNWIND range(0, $n - 1) AS i
     CREATE (root)-[:KNOWS]->(f:BenchMember {name: 'f' + i, age: 20 + i % 50})
     WITH f, i UNWIND range(0, $n - 1) AS j
     CREATE (f)-[:KNOWS]->(:BenchMember {name: 'ff' + (i * $n + j), email: 'ff' + (i * $n + j) + '@example.com', age: 18 + j % 60})`,
    { n: neo4j.int(FRIENDS) },
  );
  await context.driver.executeQuery(
    `UNWIND range(0, 49) AS k CREATE (:BenchFirm {name: 'firm' + k})
     WITH collect(k) AS ks
     MATCH (ff:BenchMember) WHERE ff.name STARTS WITH 'ff'
     WITH ff, toInteger(substring(ff.name, 2)) % 50 AS k
     MATCH (c:BenchFirm {name: 'firm' + k}) CREATE (ff)-[:WORKS_AT]->(c)`,
  );
}

interface PlainMember {
  elementId: string;
  name: string;
  email: string | undefined;
  age: number | undefined;
  employer: Array<{ elementId: string; name: string }>;
}

const HAND_WRITTEN = `MATCH (root:BenchMember {email: $email})-[:KNOWS]-(:BenchMember)-[:KNOWS]-(ff:BenchMember)
WITH DISTINCT ff
RETURN ff, COLLECT { MATCH (ff)-[:WORKS_AT]->(c:BenchFirm) RETURN c } AS employer`;

async function handWritten(context: BenchContext): Promise<PlainMember[]> {
  const session = context.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const result = await tx.run(HAND_WRITTEN, { email: 'root@example.com' });
      return result.records.map((record) => {
        const node = record.get(0) as Neo4jNode;
        const props = node.properties as Record<string, unknown>;
        return {
          elementId: node.elementId,
          name: props.name as string,
          email: props.email as string | undefined,
          age: props.age === undefined ? undefined : (props.age as { toNumber(): number }).toNumber(),
          employer: (record.get(1) as Neo4jNode[]).map((c) => ({
            elementId: c.elementId,
            name: c.properties.name as string,
          })),
        };
      });
    });
  } finally {
    await session.close();
  }
}

function withCartograph(): Promise<BenchMember[]> {
  return BenchMember.nodes
    .filter({ email: 'root@example.com' })
    .traverse('friends')
    .traverse('friends')
    .distinct()
    .fetchRelations(optional('employer'))
    .all();
}

/** (2) Friends of friends, 10k hydrated instances with their employer, against hand-written Cypher. */
async function measureTraversal(context: BenchContext): Promise<BenchResult> {
  await seedFriendsOfFriends(context);
  const [ogmRows, rawRows] = [await withCartograph(), await handWritten(context)];
  if (ogmRows.length !== rawRows.length || ogmRows.some((m) => m.employer.cached?.length !== 1)) {
    throw new Error(`traversal results differ: ${ogmRows.length} instances vs ${rawRows.length} rows`);
  }
  const raw: number[] = [];
  const ogm: number[] = [];
  // Each query takes tens of milliseconds, so many alternating rounds are cheap; the medians keep
  // a stray garbage collection or server hiccup from deciding the ratio.
  for (let round = 0; round < 20; round++) {
    const rawFirst = round % 2 === 0;
    if (rawFirst) raw.push(await context.time(() => handWritten(context)));
    ogm.push(await context.time(withCartograph));
    if (!rawFirst) raw.push(await context.time(() => handWritten(context)));
  }
  process.stderr.write(
    `friends of friends (${ogmRows.length} instances): ${median(ogm).toFixed(0)} ms, hand-written ${median(raw).toFixed(0)} ms (medians of 20 rounds)\n`,
  );
  return ratioResult(
    `friends-of-friends ${ogmRows.length} instances + fetchRelations vs hand-written`,
    median(ogm),
    median(raw),
    1.2,
    { ogm, raw },
  );
}

/**
 * (3) Peak memory above the baseline while streaming STREAM_NODES hydrated nodes, measured in a
 * process of its own (see `stream-memory.ts`) so that resident memory is not hidden by the heap
 * earlier benchmarks left committed.
 */
async function measureStreaming(context: BenchContext): Promise<BenchResult> {
  await context.reset();
  for (let start = 0; start < STREAM_NODES; start += 50_000) {
    await context.driver.executeQuery(
      'UNWIND range($from, $to) AS i CREATE (:BenchItem {name: "item-" + i, value: i})',
      {
        from: neo4j.int(start),
        to: neo4j.int(Math.min(start + 50_000, STREAM_NODES) - 1),
      },
    );
  }
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'stream-memory.ts'), String(STREAM_NODES)],
    // The same compiled packages as this process (see bench/tsconfig.json).
    { env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, 'tsconfig.json') }, maxBuffer: 1 << 20 },
  );
  const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as StreamMemoryReport;
  if (report.seen !== STREAM_NODES)
    throw new Error(`streamed ${report.seen} nodes, expected ${STREAM_NODES}`);
  process.stderr.write(
    `stream ${report.seen} nodes in ${report.seconds.toFixed(1)} s (${(report.seen / report.seconds).toFixed(0)}/s), own process: peak RSS +${report.rssMb.toFixed(1)} MB, heap +${report.heapMb.toFixed(1)} MB (garbage included), live heap half-way +${report.liveMb.toFixed(1)} MB\n`,
  );
  await context.reset();
  return {
    name: `stream ${report.seen} nodes: peak RSS above baseline`,
    unit: 'MB',
    ogm: report.rssMb,
    target: '< 150 MB',
    met: report.rssMb < 150,
  };
}

const suite: BenchSuite = async (context) => [
  ...(await measureCompileRate()),
  await measureTraversal(context),
  await measureStreaming(context),
];

export default suite;
