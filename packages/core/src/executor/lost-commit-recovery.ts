import type { CallOptions } from './deadline';

/**
 * How a write finds out what happened when the reply to its COMMIT was lost:
 * - `applied`: it carries a key of its own; read by that key whether the attempt committed, and
 *   return its result if so (otherwise the write is run again);
 * - `idempotent`: running it again leaves the same state (MERGE by key, `IF NOT EXISTS`), so it is
 *   simply run again.
 * A write with neither raises CommitOutcomeUnknownError.
 */
export type LostCommitRecovery<T> =
  | { readonly applied: (bounds: CallOptions) => Promise<{ readonly result: T } | undefined> }
  | { readonly idempotent: true };
