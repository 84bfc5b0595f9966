import { existsSync } from 'node:fs';
import type { RunningNeo4j } from './running-neo4j';

/** A cheap look for a Docker engine before paying for the Testcontainers import. */
export function dockerEngineLikelyPresent(): boolean {
  return Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');
}

/** Starts Neo4j in a container through @testcontainers/neo4j (only where a Docker engine runs). */
export async function startContainerNeo4j(version: string): Promise<RunningNeo4j> {
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer(`neo4j:${version}-community`)
    .withPassword('cartograph-test')
    .start();
  return {
    uri: container.getBoltUri(),
    username: container.getUsername(),
    password: container.getPassword(),
    source: 'testcontainers',
    stop: async () => {
      await container.stop();
    },
  };
}
