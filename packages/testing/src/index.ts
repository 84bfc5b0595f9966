export { Neo4jHarnessError } from './errors';
export { BoltMessageReader, isCommit } from './faults/bolt-message-reader';
export { type CommitFault, FaultProxy, type FaultProxyStats } from './faults/fault-proxy';
export { findJava, type JavaRuntime, requiredJavaFor } from './java-runtime';
export {
  DEFAULT_NEO4J_VERSION,
  type MavenNeo4jOptions,
  type MavenRunningNeo4j,
  startMavenNeo4j,
} from './maven-neo4j';
export { type ResetOptions, resetDatabase } from './reset-database';
export type { Neo4jSource, RunningNeo4j } from './running-neo4j';
export { startNeo4j } from './start-neo4j';
export { connectTestDriver, neo4jSettingsFromEnv } from './test-driver';
