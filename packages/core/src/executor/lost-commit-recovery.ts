import type { CallOptions } from './deadline';

/**
 * How a write finds out what happened when the reply to its COMMIT was lost:
 * - `applied`: it carries a key of its own; read by that key whether the attempt committed, and
 *   return its result if so (otherwise the write is run again);
 * - `idempotent`: running it again leaves the same state (MERGE by key, `IF NOT EXISTS`), so it is
 *   simply run again.
 * A write with neither raises CommitOutcomeUnknownError.
 *
 * `autoCommit`: the write is one statement, sent outside a transaction as an auto-commit query (one
 * round trip instead of two). The server's transient errors are retried (nothing was applied); once
 * the statement was sent, a lost connection raises CommitOutcomeUnknownError, as a lost COMMIT reply
 * does, unless the write is also `idempotent` (then it is sent again). Meant for writes addressed
 * by element id, which must not be re-run blindly (a deleted node's id can be reused by a new one).
 */
export type LostCommitRecovery<T> =
  | { readonly applied: (bounds: CallOptions) => Promise<{ readonly result: T } | undefined> }
  | { readonly idempotent: true }
  | { readonly autoCommit: true; readonly idempotent?: true };
