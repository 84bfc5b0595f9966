import { Neo4jError, type Session } from 'neo4j-driver';

// The driver offers no public way to drop one session's connection, and `session.close()` waits
// for the server, which never answers on a silent network path. These are the driver's (v6)
// internal names; when they change, severing degrades to the plain close below, and the fault
// tests (packages/core/test/faults) fail.
interface ChannelInternals {
  _handleFatalError?(error: Error): void;
  _ch?: { close?(): Promise<void> };
  _delegate?: ChannelInternals;
}

interface SessionInternals {
  _mode?: string;
  _connectionHolderWithMode?(mode: string | undefined): { getConnection?(): Promise<unknown> } | undefined;
}

/**
 * Gives up on a session whose call ran past its deadline: breaks its connection (the server sees
 * the socket close and rolls back any open transaction) and closes the session, without waiting
 * for either, so the caller is never held by a network path that went silent.
 */
export function severSession(session: Session): void {
  const internals = session as unknown as SessionInternals;
  const connection = internals._connectionHolderWithMode?.(internals._mode)?.getConnection?.();
  void Promise.resolve(connection)
    .then((found) => {
      const channel =
        (found as ChannelInternals | null | undefined)?._delegate ?? (found as ChannelInternals);
      if (!channel) return;
      channel._handleFatalError?.(
        new Neo4jError(
          'Cartograph abandoned the connection at a deadline',
          'ServiceUnavailable',
          '08000',
          'connection exception',
        ),
      );
      return channel._ch?.close?.();
    })
    .catch(() => undefined)
    .finally(() => session.close().catch(() => undefined));
}
