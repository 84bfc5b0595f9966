import type { Session } from 'neo4j-driver';
import type { Deadline } from './deadline';

type TransactionConfig = NonNullable<Parameters<Session['beginTransaction']>[0]>;

/**
 * The driver's transaction config. The server-side timeout is what is left of the deadline, so a
 * transaction whose client gave up on a silent network (whose socket close may never reach the
 * server) is still rolled back, and its locks released, in time. It is sent for writes and for
 * calls that named their own `timeoutMs`; a read under the default deadline holds no write locks
 * and skips it (the server's timeout bookkeeping measured ~9% of a key lookup).
 */
export function transactionConfig(
  deadline: Deadline,
  metadata: Record<string, unknown> | undefined,
  mode: 'READ' | 'WRITE',
): TransactionConfig | undefined {
  const remaining = mode === 'WRITE' || deadline.ownTimeout ? deadline.remainingMs() : undefined;
  // The server counts whole milliseconds and treats 0 as "no timeout".
  const timeout = remaining === undefined ? undefined : Math.max(1, Math.ceil(remaining));
  if (timeout === undefined && metadata === undefined) return undefined;
  return { timeout, metadata };
}
