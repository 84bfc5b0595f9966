import { DEFAULT_NEO4J_VERSION, type MavenNeo4jOptions, startMavenNeo4j } from './maven-neo4j';
import type { RunningNeo4j } from './running-neo4j';
import { dockerEngineLikelyPresent, startContainerNeo4j } from './testcontainers-neo4j';

/**
 * Provides a Neo4j server, in this order: the one named by `NEO4J_URI` (with `NEO4J_USERNAME` and
 * `NEO4J_PASSWORD`); a Testcontainers container where a Docker engine answers; otherwise Neo4j
 * Community started from Maven Central jars. `CARTOGRAPH_NEO4J_BACKEND=maven|testcontainers`
 * forces one of the last two.
 */
export async function startNeo4j(options: MavenNeo4jOptions = {}): Promise<RunningNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const uri = process.env.NEO4J_URI;
  if (uri) {
    log(`Using the Neo4j server at ${uri} (NEO4J_URI)`);
    return {
      uri,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      source: 'env',
      stop: async () => {},
    };
  }
  const backend = process.env.CARTOGRAPH_NEO4J_BACKEND;
  const version = options.version ?? process.env.NEO4J_VERSION ?? DEFAULT_NEO4J_VERSION;
  if (backend === 'testcontainers' || (backend !== 'maven' && dockerEngineLikelyPresent())) {
    try {
      const containerVersion = version.split('.').slice(0, 2).join('.');
      log(`Starting Neo4j ${containerVersion} with Testcontainers ...`);
      return await startContainerNeo4j(containerVersion);
    } catch (error) {
      if (backend === 'testcontainers') throw error;
      log(
        `Testcontainers could not start Neo4j (${(error as Error).message}); using Maven Central jars instead.`,
      );
    }
  }
  return startMavenNeo4j({ ...options, version, log });
}
