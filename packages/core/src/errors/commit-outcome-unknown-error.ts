import { CartographError } from './cartograph-error';

/**
 * The connection failed after COMMIT was sent and before the server's answer arrived, so the
 * transaction may or may not have been applied. Cartograph does not re-run it (that could apply it
 * twice). Check the data (e.g. read by a key the write carried) before repeating the write.
 * The Python driver's `IncompleteCommit` is the same situation.
 */
export class CommitOutcomeUnknownError extends CartographError {
  constructor(options?: { cause?: unknown }) {
    super(
      'COMMIT_OUTCOME_UNKNOWN',
      'The connection failed after COMMIT was sent: the write may or may not have been applied, so it was not retried. Read the data back (by a key the write carried) before writing again; give the model a @UniqueIdProperty or unique property to let Cartograph check this for you.',
      options,
    );
  }
}
