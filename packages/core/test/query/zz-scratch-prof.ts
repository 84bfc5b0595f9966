import neo4j from 'neo4j-driver';
import { compileNodes } from '../../src/query/compile';
import { optional } from '../../src/query/fetch-plan';
import { nodeMapper } from '../../src/query/results';
import { registry } from '../../src/registry/schema-registry';
import { BenchFirm, BenchMember } from './zz-scratch-models';

async function main() {
  const driver = neo4j.driver(
    process.env.NEO4J_URI!,
    neo4j.auth.basic(process.env.NEO4J_USERNAME!, process.env.NEO4J_PASSWORD!),
  );
  const set = BenchMember.nodes
    .filter({ email: 'root@example.com' })
    .traverse('friends')
    .traverse('friends')
    .distinct()
    .fetchRelations(optional('employer'));
  const { compiled, layout } = compileNodes(set.state);
  const { records } = await driver.executeQuery(compiled.cypher, compiled.params);
  const def = registry.node(BenchMember);
  void BenchFirm;
  const time = (label: string, f: () => unknown) => {
    for (let i = 0; i < 5; i++) f();
    let best = 1e9;
    let total = 0;
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      f();
      const d = performance.now() - t;
      total += d;
      best = Math.min(best, d);
    }
    console.log(label, 'best', best.toFixed(2), 'avg', (total / 40).toFixed(2), 'ms');
  };
  time('nodeMapper', () => {
    const m = nodeMapper(def, layout);
    return records.map(m);
  });
  if (process.argv[2] === 'prof')
    for (let k = 0; k < 200; k++) {
      const m = nodeMapper(def, layout);
      records.map(m);
    }
  await driver.close();
}
main();
