import type { Notification } from 'neo4j-driver';

/** What Cartograph reports after each query it runs, for logging and metrics. */
export interface QueryEvent {
  readonly cypher: string;
  /**
   * Parameters with secrets replaced by `'***'`: values bound to sensitive properties (filters,
   * created and updated properties) and values under secret-looking keys (password, token, secret,
   * apiKey...).
   */
  readonly params: Record<string, unknown>;
  readonly database: string | undefined;
  /** The model the query reads or writes (`CompiledQuery.model`); absent on raw Cypher. */
  readonly model?: string;
  readonly mode: 'READ' | 'WRITE';
  readonly durationMs: number;
  readonly rows: number;
  /** Server notifications (deprecations, performance hints) from the result summary. */
  readonly notifications: readonly Notification[];
  /** Set when the query failed; secret values are masked in its message. */
  readonly error?: unknown;
}

/** Receives every {@link QueryEvent}; route it to your logger. Must not throw. */
export type QueryLogger = (event: QueryEvent) => void;

/** What a masked value is replaced with. */
export const REDACTED = '***';

const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|credential|auth/i;

/**
 * Copies `params` for a log, masking (at any depth of plain objects) values whose keys look secret
 * and values under the keys in `sensitive`: the parameter names and stored property names a
 * compiled query marks as bound to sensitive properties (`CompiledQuery.sensitive`). The one entry
 * point every query executor calls before a query reaches a logger.
 */
export function redactParams(
  params: Record<string, unknown>,
  sensitive?: readonly string[],
): Record<string, unknown> {
  const marked = sensitive && sensitive.length > 0 ? new Set(sensitive) : undefined;
  return redactObject(params, marked);
}

function redactObject(
  params: Record<string, unknown>,
  marked: ReadonlySet<string> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = SECRET_KEY.test(key) || marked?.has(key) ? REDACTED : redactValue(value, marked);
  }
  return out;
}

function redactValue(value: unknown, marked: ReadonlySet<string> | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, marked));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return redactObject(value as Record<string, unknown>, marked);
  }
  return value;
}

/**
 * The secret values of a query's parameters as text (what a server message would quote), so that
 * error messages can be scrubbed of them. Same keys as {@link redactParams}.
 */
export function secretTexts(params: Record<string, unknown>, sensitive?: readonly string[]): string[] {
  const marked = new Set(sensitive ?? []);
  const texts = new Set<string>();
  const collect = (value: unknown, secret: boolean): void => {
    if (Array.isArray(value)) {
      for (const item of value) collect(item, secret);
    } else if (value !== null && typeof value === 'object' && !secret) {
      if (Object.getPrototypeOf(value) !== Object.prototype) return;
      for (const [key, item] of Object.entries(value)) collect(item, SECRET_KEY.test(key) || marked.has(key));
    } else if (secret && value !== null && value !== undefined) {
      const text = String(value);
      if (text.length > 0) texts.add(text);
    }
  };
  collect(params, false);
  // Longest first, so a secret containing another is masked whole.
  return [...texts].sort((a, b) => b.length - a.length);
}
