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
import { callsPerSecond } from './rate';

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

for (const [name, build] of [
  ['3-filter 1-hop chain', chain],
  ['filter + orderBy + skip/limit', paged],
] as const) {
  const cached = callsPerSecond(build);
  const uncached = callsPerSecond(() => {
    clearCompiledQueryCache();
    return build();
  });
  process.stdout.write(`${name}: ${cached.toFixed(0)} queries/s cached, ${uncached.toFixed(0)} uncached\n`);
}
