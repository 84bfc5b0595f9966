/** Stops the server that global setup started (a server from NEO4J_URI is left running). */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__CARTOGRAPH_NEO4J__;
  if (!server) return;
  await server.stop();
  if (server.source !== 'env') process.stderr.write(`Stopped the ${server.source} Neo4j at ${server.uri}\n`);
}
