// `pnpm neo4j:start`: starts a Neo4j that outlives this command and prints lines a shell can eval.
import { startMavenNeo4j } from '../maven-neo4j';
import { readState, writeState } from '../server-state';

async function main(): Promise<void> {
  const existing = readState();
  if (existing && isAlive(existing.pid)) {
    printExports(existing);
    process.stderr.write(`Neo4j is already running (pid ${existing.pid}); 'pnpm neo4j:stop' stops it.\n`);
    return;
  }
  const server = await startMavenNeo4j({ detached: true });
  const state = {
    uri: server.uri,
    username: server.username,
    password: server.password,
    pid: server.pid,
    home: server.home,
  };
  writeState(state);
  printExports(state);
}

/**
 * `export NAME='value'` lines: after `eval "$(pnpm -s neo4j:start)"` the variables reach the
 * processes the shell starts (plain `NAME=value` lines would set shell variables they never see).
 */
export function exportLines(state: { uri: string; username: string; password: string }): string {
  const quote = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;
  return [
    `export NEO4J_URI=${quote(state.uri)}`,
    `export NEO4J_USERNAME=${quote(state.username)}`,
    `export NEO4J_PASSWORD=${quote(state.password)}`,
    '',
  ].join('\n');
}

function printExports(state: { uri: string; username: string; password: string }): void {
  process.stdout.write(exportLines(state));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
