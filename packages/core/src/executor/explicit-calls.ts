import type { Session, Transaction } from 'neo4j-driver';
import { AbortedError, CommitOutcomeUnknownError, DeadlineExceededError } from '../errors';
import type { Deadline } from './deadline';
import { isConnectionFailure } from './neo4j-errors';
import { severSession } from './sever-session';
import { transactionConfig } from './transaction-config';
import { translateFailure } from './translate-failure';
import type { AccessMode } from './types';

/** Opens an explicit transaction on `session`, bounded by `deadline`; failures typed, session closed. */
export async function beginExplicit(
  session: Session,
  deadline: Deadline,
  serverDeadline: Deadline,
  metadata: Record<string, unknown> | undefined,
): Promise<Transaction> {
  // Only a whole-transaction deadline the caller chose goes to the server (see beginTransaction).
  const config = transactionConfig(serverDeadline, metadata, 'READ');
  try {
    return await deadline.race(session.beginTransaction(config), () => severSession(session));
  } catch (error) {
    await deadline.race(session.close(), () => severSession(session)).catch(() => undefined);
    throw translateFailure(error, deadline);
  }
}

/**
 * Commits an explicit transaction and closes its session. A write whose connection fails (or whose
 * deadline passes) once COMMIT was sent raises CommitOutcomeUnknownError: it may have applied.
 */
export async function commitExplicit(
  session: Session,
  tx: Transaction,
  mode: AccessMode,
  deadline: Deadline,
): Promise<void> {
  const abandon = () => severSession(session);
  try {
    await deadline.race(tx.commit(), abandon);
  } catch (error) {
    const lost =
      isConnectionFailure(error) || error instanceof DeadlineExceededError || error instanceof AbortedError;
    if (lost && mode === 'WRITE')
      throw new CommitOutcomeUnknownError({ cause: translateFailure(error, deadline) });
    throw translateFailure(error, deadline);
  } finally {
    await deadline.race(session.close(), abandon).catch(() => undefined);
  }
}

/**
 * Rolls back an explicit transaction and closes its session. A connection that is gone (or a
 * deadline that passes) counts as rolled back: the server discards an open transaction whose
 * connection closes.
 */
export async function rollbackExplicit(session: Session, tx: Transaction, deadline: Deadline): Promise<void> {
  const abandon = () => severSession(session);
  try {
    if (tx.isOpen()) await deadline.race(tx.rollback(), abandon);
  } catch (error) {
    const lost =
      isConnectionFailure(error) || error instanceof DeadlineExceededError || error instanceof AbortedError;
    if (!lost) throw translateFailure(error, deadline);
    abandon();
  } finally {
    await deadline.race(session.close(), abandon).catch(() => undefined);
  }
}
