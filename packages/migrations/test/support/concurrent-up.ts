// Child process of concurrency.test.ts: waits for a shared start time, then runs `up` against
// NEO4J_URI and prints the versions it applied and its log as JSON. Run with tsx from the repository root.
import { Graph } from '@cartograph/core';
import { Migrator } from '../../src';

async function main(): Promise<void> {
  const [dir, startAt] = process.argv.slice(2);
  if (!dir || !startAt) throw new Error('usage: concurrent-up <migrations dir> <start epoch ms>');
  const graph = await Graph.connect({
    url: process.env.NEO4J_URI!,
    auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
  });
  try {
    const log: string[] = [];
    const migrator = new Migrator(graph, {
      dir,
      appliedBy: `worker-${process.pid}`,
      lockTimeoutMs: 60_000,
      log: (line) => log.push(line),
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
    const result = await migrator.up();
    process.stdout.write(JSON.stringify({ applied: result.migrations.map((item) => item.version), log }));
  } finally {
    await graph.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
