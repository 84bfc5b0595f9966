import type { Notification } from 'neo4j-driver';

/** What Cartograph reports after each query it runs, for logging and metrics. */
export interface QueryEvent {
  readonly cypher: string;
  /** Parameters with secret-looking keys (password, token, secret, apiKey...) replaced by `'***'`. */
  readonly params: Record<string, unknown>;
  readonly database: string | undefined;
  readonly mode: 'READ' | 'WRITE';
  readonly durationMs: number;
  readonly rows: number;
  /** Server notifications (deprecations, performance hints) from the result summary. */
  readonly notifications: readonly Notification[];
  /** Set when the query failed. */
  readonly error?: unknown;
}

/** Receives every {@link QueryEvent}; route it to your logger. Must not throw. */
export type QueryLogger = (event: QueryEvent) => void;

const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|credential|auth/i;

/** Copies `params`, masking values whose keys look secret, at any depth of plain objects. */
export function redactParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = SECRET_KEY.test(key) ? '***' : redactValue(value);
  }
  return out;
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return redactParams(value as Record<string, unknown>);
  }
  return value;
}
