import type { AuthToken, Config } from 'neo4j-driver';
import type { QueryLogger } from './query-log';

/** How to reach Neo4j; passed to `Graph.connect`. */
export interface ConnectOptions {
  /** `bolt://host:7687`, `neo4j://cluster:7687` (routing), or the `+s` / `+ssc` TLS variants. */
  url: string;
  auth?: { username: string; password: string } | AuthToken;
  /** Default database for this graph; the server's home database when omitted. */
  database?: string;
  /** Run every query as this user (needs the IMPERSONATE privilege). */
  impersonatedUser?: string;
  /** Passed to the driver as is (pool size, timeouts, TLS, logging). */
  driverConfig?: Config;
  /** Called after every query Cartograph runs. */
  logger?: QueryLogger;
  /** Make this graph the one models use by default; default true when no default graph exists yet. */
  default?: boolean;
  /** Check that the server answers before returning; default true. */
  verifyConnectivity?: boolean;
}

/** Per-call choices for queries and transactions. */
export interface RunOptions {
  /** Database for this call only (multi-database set-ups). */
  database?: string;
  /** Server-side transaction timeout. */
  timeoutMs?: number;
  /** Attached to the transaction; shows in `SHOW TRANSACTIONS` and the query log of the server. */
  metadata?: Record<string, unknown>;
}
