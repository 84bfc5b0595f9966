import neo4j, { type Driver } from 'neo4j-driver';

/** Connection settings from the environment that the harness (or the user) set. */
export function neo4jSettingsFromEnv(): { uri: string; username: string; password: string } {
  const uri = process.env.NEO4J_URI;
  if (!uri) {
    throw new Error(
      'NEO4J_URI is not set: run tests through jest (global setup starts Neo4j) or eval "$(pnpm neo4j:start)".',
    );
  }
  return { uri, username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' };
}

/** A driver for the server in NEO4J_URI; the caller closes it. */
export function connectTestDriver(): Driver {
  const { uri, username, password } = neo4jSettingsFromEnv();
  return neo4j.driver(uri, neo4j.auth.basic(username, password), { disableLosslessIntegers: false });
}
