import type { Span } from '@opentelemetry/api';
import { AbortedError, CommitOutcomeUnknownError, DeadlineExceededError } from '../errors';
import type { CallOptions, Deadline } from './deadline';
import type { ExecutorHost } from './executor-host';
import { failureKind } from './failure-kind';
import { attempt, CommitSent, type TransactionPlan } from './transaction-attempt';
import type { ActiveTransaction } from './transaction-context';
import { translateFailure } from './translate-failure';

const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 5_000;

/**
 * Cartograph's managed transaction: runs `work` in an explicit transaction and commits it, retrying
 * the whole attempt only when nothing can have been applied (a transient error, or a connection
 * that failed before COMMIT was sent). When the connection fails after COMMIT was sent, the outcome
 * is unknown: `plan.applied` settles it, or the caller gets CommitOutcomeUnknownError; the work is
 * never re-run blindly. Reads are re-run freely, as running them twice changes nothing.
 */
export type { TransactionPlan };

export function runTransaction<G, T>(
  host: ExecutorHost<G>,
  plan: TransactionPlan<T>,
  work: (active: ActiveTransaction<G>) => Promise<T>,
): Promise<T> {
  return runRetried(host, plan, (span) => attempt(host, plan, work, span));
}

/**
 * The retry loop of {@link runTransaction} around any one attempt: `once` runs the work once,
 * wrapping a failure that happened once the work could have been committed in {@link CommitSent}
 * (a managed transaction's COMMIT, or an auto-commit statement that was sent). Retries follow
 * {@link failureKind}; a write's lost outcome is settled by `plan.applied` / `plan.idempotent`.
 */
export async function runRetried<G, T>(
  host: ExecutorHost<G>,
  plan: TransactionPlan<T>,
  once: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  const span = host.telemetry.startTransaction(plan.mode, plan.database);
  const retryUntil = performance.now() + host.maxRetryTimeMs;
  let retries = 0;
  try {
    let result: T;
    try {
      result = await once(span);
    } catch (first) {
      // The retry machinery is set up only once an attempt has failed: most calls never need it.
      result = await retry(host, plan, once, span, first, retryUntil, () => retries++);
    }
    host.telemetry.endTransaction(span, retries);
    return result;
  } catch (error) {
    host.telemetry.endTransaction(span, retries, error);
    throw error;
  }
}

/** The attempts after a first one that failed with `first`. */
async function retry<G, T>(
  host: ExecutorHost<G>,
  plan: TransactionPlan<T>,
  once: (span: Span | undefined) => Promise<T>,
  span: Span | undefined,
  first: unknown,
  retryUntil: number,
  retried: () => number,
): Promise<T> {
  const { deadline } = plan;
  let backoff = FIRST_DELAY_MS;
  let outcomeUnknown: unknown;
  let error = first;
  for (;;) {
    const commitSent = error instanceof CommitSent;
    const cause = commitSent ? (error as CommitSent).failure : error;
    if (commitSent && plan.mode === 'WRITE' && isGivenUp(cause)) {
      // The deadline left no time to find out whether the COMMIT that was on its way applied.
      throw new CommitOutcomeUnknownError({ cause });
    }
    const kind = failureKind(cause, commitSent);
    if (kind === 'unknown' && plan.mode === 'WRITE' && !plan.idempotent) {
      if (!plan.applied) throw new CommitOutcomeUnknownError({ cause: translateFailure(cause, deadline) });
      outcomeUnknown = cause;
    } else if (kind === 'fail') {
      if (outcomeUnknown === undefined) throw translateFailure(cause, deadline);
      // e.g. the retried create met its own first attempt's unique key: look once more.
      const applied = await plan.applied?.(remainingBounds(deadline)).catch(() => undefined);
      if (applied) return applied.result;
      throw new CommitOutcomeUnknownError({ cause: translateFailure(outcomeUnknown, deadline) });
    }
    // Jittered, so that clients failed by one fault do not all come back at the same instant.
    const delay = backoff * (0.8 + Math.random() * 0.4);
    backoff = Math.min(backoff * 2, MAX_DELAY_MS);
    const outOfTime = performance.now() + delay > retryUntil || deadlineTooClose(deadline, delay);
    const paused = outOfTime
      ? false
      : await pause(delay, deadline).then(
          () => true,
          () => false,
        );
    if (paused) host.telemetry.retry(span, retried() + 1, cause);
    if (!paused) {
      if (outcomeUnknown !== undefined) {
        throw new CommitOutcomeUnknownError({ cause: translateFailure(outcomeUnknown, deadline) });
      }
      deadline.check();
      throw translateFailure(cause, deadline);
    }
    try {
      if (outcomeUnknown !== undefined && plan.applied) {
        const applied = await plan.applied(remainingBounds(deadline));
        if (applied) return applied.result;
      }
      return await once(span);
    } catch (next) {
      error = next;
    }
  }
}

/** What is left of `deadline`, for a call made on its behalf (checking whether a commit applied). */
function remainingBounds(deadline: Deadline): CallOptions {
  const remaining = deadline.remainingMs();
  return {
    timeoutMs: remaining === undefined ? 0 : Math.max(1, Math.floor(remaining)),
    signal: deadline.signal,
  };
}

function isGivenUp(error: unknown): boolean {
  return error instanceof DeadlineExceededError || error instanceof AbortedError;
}

function deadlineTooClose(deadline: Deadline, delay: number): boolean {
  const remaining = deadline.remainingMs();
  return (remaining !== undefined && remaining <= delay) || deadline.signal?.aborted === true;
}

function pause(ms: number, deadline: Deadline): Promise<void> {
  return deadline.race(new Promise<void>((resolve) => setTimeout(resolve, ms)), () => undefined);
}
