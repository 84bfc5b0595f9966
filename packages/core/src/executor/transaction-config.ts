import type { Session } from 'neo4j-driver';
import type { Deadline } from './deadline';

type TransactionConfig = NonNullable<Parameters<Session['beginTransaction']>[0]>;

/**
 * The driver's transaction config: the server-side timeout is what is left of the deadline, so a
 * transaction whose client gave up (silent network) is still rolled back by the server in time.
 */
export function transactionConfig(
  deadline: Deadline,
  metadata: Record<string, unknown> | undefined,
): TransactionConfig | undefined {
  const remaining = deadline.remainingMs();
  // The server counts whole milliseconds and treats 0 as "no timeout".
  const timeout = remaining === undefined ? undefined : Math.max(1, Math.ceil(remaining));
  if (timeout === undefined && metadata === undefined) return undefined;
  return { timeout, metadata };
}
