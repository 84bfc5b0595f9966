import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** What `neo4j:start` leaves behind so that `neo4j:stop` (another process) can find the server. */
export interface ServerState {
  uri: string;
  username: string;
  password: string;
  pid: number;
  home: string;
}

/** `.cartograph/neo4j.json` under the repository root (or `CARTOGRAPH_STATE_FILE`). */
export function stateFile(): string {
  return (
    process.env.CARTOGRAPH_STATE_FILE ??
    join(resolve(__dirname, '..', '..', '..'), '.cartograph', 'neo4j.json')
  );
}

export function writeState(state: ServerState): void {
  const file = stateFile();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export function readState(): ServerState | undefined {
  const file = stateFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ServerState) : undefined;
}

export function clearState(): void {
  rmSync(stateFile(), { force: true });
}
