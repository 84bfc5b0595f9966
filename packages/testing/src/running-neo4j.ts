/** Where a test server came from: the caller's own, a Docker container, or Maven Central jars. */
export type Neo4jSource = 'env' | 'testcontainers' | 'maven';

/** A Neo4j server the harness can hand to tests, demos and benchmarks. */
export interface RunningNeo4j {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly source: Neo4jSource;
  /** Stops the server if the harness started it; a server given through NEO4J_URI is left alone. */
  stop(): Promise<void>;
}
