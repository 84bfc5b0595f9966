// Two `cartograph migrate up` processes started together: the lock lets one apply everything and
// the other wait and then find nothing left, so each migration runs exactly once.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph } from '@cartograph/core';
import { connectTestGraph } from './support/database-schema';
import { createTempProject, runBin } from './support/run-bin';

describe('concurrent migrate up from two processes', () => {
  let project: string;
  let graph: Graph;

  beforeAll(async () => {
    project = createTempProject('cartograph-concurrent-');
    writeFileSync(
      path.join(project, 'cartograph.config.ts'),
      "export default { migrationsDir: 'migrations' };\n",
    );
    mkdirSync(path.join(project, 'migrations'));
    for (const version of [1, 2, 3]) {
      // Slow enough (a few hundred ms each) that the two runs overlap.
      const cypher = `UNWIND range(1, 20000) AS i WITH i WHERE i = 20000 CREATE (:Applied {version: ${version}});\n`;
      writeFileSync(path.join(project, 'migrations', `${version}_step_${version}.cypher`), cypher);
    }
    graph = await connectTestGraph();
  });
  afterAll(async () => {
    await graph.close();
    rmSync(project, { recursive: true, force: true });
  });

  it('applies each migration once', async () => {
    const [a, b] = await Promise.all([
      runBin(['migrate', 'up', '--json'], project),
      runBin(['migrate', 'up', '--json'], project),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const applied = [a, b]
      .map((run) => (JSON.parse(run.stdout) as { migrations: unknown[] }).migrations.length)
      .sort();
    expect(applied).toEqual([0, 3]);
    const rows = await graph.cypher(
      'MATCH (n:Applied) RETURN n.version AS version ORDER BY version',
      {},
      { mode: 'READ' },
    );
    expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    const status = await runBin(['migrate', 'status', '--json'], project);
    const { migrations } = JSON.parse(status.stdout) as { migrations: Array<{ state: string }> };
    expect(migrations.map((m) => m.state)).toEqual(['applied', 'applied', 'applied']);
  });
});
