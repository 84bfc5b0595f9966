// `pnpm neo4j:stop`: stops the server `pnpm neo4j:start` left running.
import { stopProcess } from '../maven-neo4j';
import { clearState, readState } from '../server-state';

async function main(): Promise<void> {
  const state = readState();
  if (!state) {
    process.stderr.write('No Neo4j started by `pnpm neo4j:start` is recorded; nothing to stop.\n');
    return;
  }
  await stopProcess(state.pid, state.home);
  clearState();
  process.stderr.write(`Stopped Neo4j (pid ${state.pid}).\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
