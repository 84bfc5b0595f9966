import type { CallOptions } from './deadline';

/**
 * How a write finds out what happened when the reply to its COMMIT was lost:
 * - `applied`: it carries a key of its own; read by that key whether the attempt committed, and
 *   return its result if so (otherwise the write is run again);
 * - `idempotent`: running it again leaves the same state (MERGE by key, `IF NOT EXISTS`), so it is
 *   simply run again.
 * A write with neither raises CommitOutcomeUnknownError.
 *
 * `autoCommit` (with `idempotent`): the write is one statement, sent as an auto-commit query (one
 * round trip instead of two) outside a transaction. Only for a statement whose repetition is
 * harmless, since a connection lost once it was sent leaves its outcome unknown and it is sent again.
 */
export type LostCommitRecovery<T> =
  | { readonly applied: (bounds: CallOptions) => Promise<{ readonly result: T } | undefined> }
  | { readonly idempotent: true; readonly autoCommit?: boolean };
