import { CartographError } from './cartograph-error';

/**
 * The call did not finish within its deadline (`timeoutMs`, or the graph's `defaultTimeoutMs`).
 * Cartograph closed the connection it was using, so the server rolls back what had not committed.
 * Raise `timeoutMs` for slow work, or check the network path to Neo4j.
 */
export class DeadlineExceededError extends CartographError {
  constructor(
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(
      'DEADLINE_EXCEEDED',
      `The call did not finish within ${timeoutMs} ms; nothing that had not committed was kept. Pass a larger timeoutMs (0 = no deadline) or check the network path to Neo4j.`,
      options,
    );
  }
}

/** The call was cancelled through its `signal`; the server rolls back what had not committed. */
export class AbortedError extends CartographError {
  constructor(options?: { cause?: unknown }) {
    super(
      'ABORTED',
      'The call was aborted through its signal; nothing that had not committed was kept.',
      options,
    );
  }
}
