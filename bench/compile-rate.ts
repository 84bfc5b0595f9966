// Compile rate of the query builder, no database needed:
//   pnpm exec tsx --tsconfig bench/tsconfig.json bench/compile-rate.ts
// Prints queries built and rendered per second with the compile cache, and with it cleared each time.
import 'reflect-metadata';
import {
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  Relationship,
  type RelationshipManager,
  StringProperty,
} from '@cartograph/core';
import { clearCompiledQueryCache } from '@cartograph/core/internal';

@Node()
class RateMember extends NodeEntity {
  declare static readonly nodes: NodeSet<RateMember>;
  @StringProperty() name!: string;
  @StringProperty() email?: string;
  @IntegerProperty() age?: number;
  @Relationship(() => RateMember, 'KNOWS') friends!: RelationshipManager<RateMember>;
}

let i = 0;
const chain = () =>
  RateMember.nodes
    .filter({ age: { gte: 18 + (i++ % 50) } })
    .filter({ name: { startsWith: 'A' } })
    .traverse('friends')
    .filter({ email: { endsWith: '@example.com' } })
    .toCypher();
const paged = () =>
  RateMember.nodes
    .filter({ age: { lt: 30 + (i++ % 50) } })
    .orderBy('-age', 'name')
    .skip(i % 7)
    .limit(20)
    .toCypher();

function rate(work: () => unknown): number {
  for (let n = 0; n < 20_000; n++) work();
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let done = 0;
    while (performance.now() - started < 700) {
      for (let n = 0; n < 1_000; n++) work();
      done += 1_000;
    }
    best = Math.max(best, done / ((performance.now() - started) / 1000));
  }
  return best;
}

for (const [name, build] of [
  ['3-filter 1-hop chain', chain],
  ['filter + orderBy + skip/limit', paged],
] as const) {
  const cached = rate(build);
  const uncached = rate(() => {
    clearCompiledQueryCache();
    return build();
  });
  process.stdout.write(`${name}: ${cached.toFixed(0)} queries/s cached, ${uncached.toFixed(0)} uncached\n`);
}
