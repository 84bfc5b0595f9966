import type { ConnectOptions } from '@cartograph/core';

/**
 * The connection options the CLI config shares with `Graph.connect` and the NestJS module (one
 * type, `ConnectOptions`; validated the same way, errors naming `neo4j.<option>`).
 */
export type SharedConnectionOptions = Pick<
  ConnectOptions,
  | 'defaultTimeoutMs'
  | 'connectionTimeoutMs'
  | 'connectionAcquisitionTimeoutMs'
  | 'maxTransactionRetryTimeMs'
  | 'maxConnectionPoolSize'
  | 'encrypted'
  | 'trustedCertificates'
  | 'impersonatedUser'
>;

/** How to reach Neo4j. Each field can be overridden by an environment variable, which wins. */
export interface Neo4jConnectionConfig extends SharedConnectionOptions {
  /** `bolt://host:7687`, `neo4j://...`, `neo4j+s://...`; env `NEO4J_URI`. Default `bolt://localhost:7687`. */
  uri?: string;
  /** Env `NEO4J_USERNAME`. Default `neo4j`. */
  username?: string;
  /** Env `NEO4J_PASSWORD`. Prefer the environment variable to keeping it in the file. Never printed. */
  password?: string;
  /** Env `NEO4J_DATABASE`. Default: the server's home database. */
  database?: string;
}

/** The contents of `cartograph.config.ts`. */
export interface CartographConfig {
  neo4j?: Neo4jConnectionConfig;
  /**
   * Modules that declare your models, imported before any command that needs them so that their
   * decorators register: paths relative to the config file (`./src/models/index.ts`), globs
   * (`src/models/**\/*.ts`) or package names.
   */
  models?: string[];
  /** Folder of migration files, relative to the config file. Default `migrations`. */
  migrationsDir?: string;
  /** `cartograph inspect` settings. */
  inspect?: {
    /** Labels and relationship types not to model (Cartograph's `__Cartograph*` bookkeeping never is). */
    ignore?: string[];
  };
}

/**
 * Types `cartograph.config.ts` without changing it:
 *
 * ```ts
 * import { defineConfig } from '@cartograph/cli';
 * export default defineConfig({ neo4j: { uri: 'bolt://localhost:7687' }, models: ['./src/models.ts'] });
 * ```
 */
export function defineConfig(config: CartographConfig): CartographConfig {
  return config;
}
