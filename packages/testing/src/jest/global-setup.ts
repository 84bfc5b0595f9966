import type { RunningNeo4j } from '../running-neo4j';
import { startNeo4j } from '../start-neo4j';

declare global {
  var __CARTOGRAPH_NEO4J__: RunningNeo4j | undefined;
}

/** Starts one Neo4j for the whole jest run and hands its address to the test files through env. */
export default async function globalSetup(): Promise<void> {
  const server = await startNeo4j();
  globalThis.__CARTOGRAPH_NEO4J__ = server;
  process.env.NEO4J_URI = server.uri;
  process.env.NEO4J_USERNAME = server.username;
  process.env.NEO4J_PASSWORD = server.password;
}
