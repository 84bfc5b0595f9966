import type { Session } from 'neo4j-driver';
import type { Telemetry } from './telemetry';
import type { AccessMode, CompiledQuery } from './types';

/**
 * What the executor needs from a graph: sessions, the query log and the graph's bounds. `G` is the
 * graph type, which the executor only carries into {@link ActiveTransaction} (it sits above this layer).
 */
export interface ExecutorHost<G = unknown> {
  readonly graph: G;
  /** The graph's database (`undefined`: the server's default), for telemetry attributes. */
  readonly database: string | undefined;
  /** A session on the graph's database (or `database`), bookmark manager and impersonated user. */
  session(mode: AccessMode, database?: string): Session;
  /** Reports one query to the graph's logger (parameters redacted there). */
  log(
    query: CompiledQuery,
    mode: AccessMode,
    started: number,
    rows: number,
    notifications: unknown[],
    error?: unknown,
  ): void;
  /** The deadline of a call that names none; 0 = none. */
  readonly defaultTimeoutMs: number;
  /** How long Cartograph keeps retrying a transaction that failed before COMMIT. */
  readonly maxRetryTimeMs: number;
  /** Spans and metrics of every query and transaction (no-ops without an OpenTelemetry SDK). */
  readonly telemetry: Telemetry;
}
