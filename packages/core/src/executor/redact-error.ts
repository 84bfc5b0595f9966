import { REDACTED, secretTexts } from './query-log';
import type { CompiledQuery } from './types';

const MAX_CAUSES = 5;

/**
 * Masks the query's secret values in a failed query's error, in place, before it is logged or
 * translated: a server message such as a uniqueness violation quotes the offending value
 * (`... property \`password\` = 'hunter2'`), and the error, its stack and its causes all reach
 * logs. Mutating the caught error keeps its class (the driver's retry logic and
 * `translateNeo4jError` still recognise it).
 */
export function redactError(error: unknown, query: CompiledQuery): void {
  const secrets = secretTexts(query.params, query.sensitive);
  if (secrets.length === 0) return;
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && current instanceof Error; depth++) {
    const record = current as unknown as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(current)) {
      const value = record[key];
      if (typeof value === 'string') {
        const scrubbed = scrub(value, secrets);
        if (scrubbed !== value) {
          try {
            record[key] = scrubbed;
          } catch {
            // A read-only field is left alone; the message and stack are writable on every Error.
          }
        }
      }
    }
    current = current.cause;
  }
}

/** `text` with every occurrence of each secret replaced by `***`. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}
