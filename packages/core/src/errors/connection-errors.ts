import { CartographError } from './cartograph-error';

/**
 * The connection to Neo4j failed while an operation was under way, or no connection could be
 * opened (server down, network cut, connection refused or reset). The server rolled back any
 * transaction that had not committed; retry once the server is reachable again.
 */
export class ConnectionLostError extends CartographError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(
      'CONNECTION_LOST',
      `${message} Nothing that had not committed was kept; retry when Neo4j is reachable again.`,
      options,
    );
  }
}
