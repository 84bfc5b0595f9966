import type { AuthToken, Config } from 'neo4j-driver';
import type { CallOptions } from '../executor/deadline';
import type { QueryLogger } from '../executor/query-log';
import type { TelemetryOptions } from '../executor/telemetry';

/**
 * The deadline of a call that names none (`ConnectOptions.defaultTimeoutMs`): one minute, long
 * enough for heavy reports and bulk writes, short enough that a silent network path surfaces as
 * DeadlineExceededError instead of a promise that never settles.
 */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * A query plugin as the graph holds it; the hooks are described by `CartographPlugin`
 * (`softDelete()`, `multiTenancy()`, your own).
 */
export interface GraphPlugin {
  readonly name: string;
}

/** How to reach Neo4j; passed to `Graph.connect`. */
export interface ConnectOptions {
  /** `bolt://host:7687`, `neo4j://cluster:7687` (routing), or the `+s` / `+ssc` TLS variants. */
  url: string;
  auth?: { username: string; password: string } | AuthToken;
  /** Default database for this graph; the server's home database when omitted. */
  database?: string;
  /** Run every query as this user (needs the IMPERSONATE privilege). */
  impersonatedUser?: string;
  /**
   * Client-side deadline of every call that names no `timeoutMs` (queries, NodeSet terminal calls,
   * transactions, streams' waits); for writes also sent to the server as the transaction timeout. Default
   * 60 000 ms ({@link DEFAULT_TIMEOUT_MS}); `0` = no deadline.
   */
  defaultTimeoutMs?: number;
  /** Give up opening a TCP connection after this long (driver `connectionTimeout`, default 30 000). */
  connectionTimeoutMs?: number;
  /** Give up waiting for a free pooled connection after this long (driver `connectionAcquisitionTimeout`, default 60 000). */
  connectionAcquisitionTimeoutMs?: number;
  /**
   * Check a pooled connection idle for longer than this before using it (driver
   * `connectionLivenessCheckTimeout`); default 30 000 ms. TCP keep-alive is always on in the driver.
   */
  connectionLivenessCheckTimeoutMs?: number;
  /**
   * How long a transaction that failed before COMMIT keeps being retried (default
   * `driverConfig.maxTransactionRetryTime`, else 30 000 ms).
   */
  maxTransactionRetryTimeMs?: number;
  /** Most connections the pool keeps open to one server (driver `maxConnectionPoolSize`, default 100). */
  maxConnectionPoolSize?: number;
  /**
   * Encrypt with TLS on a `bolt://` or `neo4j://` URL (the `+s` / `+ssc` schemes say it themselves
   * and cannot be combined with this).
   */
  encrypted?: boolean;
  /**
   * Paths of PEM files of the certificate authorities to trust (a private CA); implies
   * `encrypted: true`. Only with `bolt://` or `neo4j://` URLs.
   */
  trustedCertificates?: string[];
  /** Reject unknown option names (a typo) with ConfigurationError; default true. */
  strict?: boolean;
  /** Passed to the driver as is (pool size, TLS, logging); wins over the options above. */
  driverConfig?: Config;
  /** Called after every query Cartograph runs. */
  logger?: QueryLogger;
  /**
   * OpenTelemetry spans and metrics of every query and transaction (see docs/observability.md).
   * On by default and free without an SDK; parameter values are never recorded unless
   * `captureParameters` is set.
   */
  telemetry?: TelemetryOptions;
  /** Make this graph the one models use by default; default true when no default graph exists yet. */
  default?: boolean;
  /**
   * Query plugins applied to every model's queries on this graph (`softDelete()`,
   * `multiTenancy()`, your own): see docs/plugins.md.
   */
  plugins?: readonly GraphPlugin[];
  /** Check that the server answers before returning; default true. */
  verifyConnectivity?: boolean;
}

/** Per-call choices for queries and transactions. */
export interface RunOptions extends CallOptions {
  /** Database for this call only (multi-database set-ups). */
  database?: string;
  /** Attached to the transaction; shows in `SHOW TRANSACTIONS` and the query log of the server. */
  metadata?: Record<string, unknown>;
}
