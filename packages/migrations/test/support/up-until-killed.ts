// Runs `up` on a migrations folder in a process of its own and SIGKILLs itself as soon as the
// batched work reports `killAfter` rows done: a deploy that dies part-way through a migration.
// Usage (from the repository root): node --import tsx up-until-killed.ts <dir> <killAfter>
import { Graph } from '@cartograph/core';
import { Migrator } from '../../src';

async function main(): Promise<void> {
  const [dir, killAfter] = process.argv.slice(2);
  const graph = await Graph.connect({
    url: process.env.NEO4J_URI!,
    auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
  });
  const migrator = new Migrator(graph, {
    dir: dir!,
    progress: (_label, done) => {
      if (done >= Number(killAfter)) process.kill(process.pid, 'SIGKILL');
    },
  });
  await migrator.up();
  // Reaching this line means the kill never happened; the test says so.
  await graph.close();
  process.exit(3);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
