import { Neo4jError } from 'neo4j-driver';
import {
  CartographError,
  ConnectionLostError,
  QueryFailedError,
  TransactionTooLargeError,
  UniquePropertyError,
} from '../errors';

// "Node(12) already exists with label `Person` and property `email` = 'a@example.com'"
const UNIQUE_MESSAGE = /already exists with label `([^`]+)` and propert(?:y|ies) `([^`]+)` = (.+)$/s;

/** Turns server errors into Cartograph's hierarchy; Cartograph's own errors pass through. */
export function translateNeo4jError(error: unknown, cypher?: string): unknown {
  if (error instanceof CartographError || !(error instanceof Neo4jError)) return error;
  if (isConnectionFailure(error)) {
    return new ConnectionLostError(`Lost the connection to Neo4j (${error.code}): ${error.message}`, {
      cause: error,
    });
  }
  if (isMemoryLimit(error)) return new TransactionTooLargeError({ cause: error });
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    const match = UNIQUE_MESSAGE.exec(error.message);
    if (match) return new UniquePropertyError(match[1]!, match[2]!, parseValue(match[3]!), { cause: error });
  }
  const where = cypher ? `\nQuery:\n${cypher}` : '';
  return new QueryFailedError(`Neo4j rejected the query (${error.code}): ${error.message}${where}`, {
    cause: error,
  });
}

// The driver's own codes for a connection that failed, was reset or could not be opened; a server
// never sends these, so they mean the network (or the server process), not the query, failed.
// (`ProtocolError` is left out: the driver also uses it for parameters it cannot send, e.g. a node.)
const CONNECTION_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

// The server's answers to a transaction that outgrew the memory it may use. Neo4j marks some of them
// transient, but running the same transaction again meets the same limit (a 1M-row createMany
// was retried for 30 s before it failed), so they are reported at once.
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
]);

/** Whether the server refused a transaction for the memory it needs. */
export function isMemoryLimit(error: unknown): boolean {
  return error instanceof Neo4jError && MEMORY_CODES.has(error.code);
}

/** Whether a driver error means the connection failed rather than the server rejecting the query. */
export function isConnectionFailure(error: unknown): boolean {
  return error instanceof Neo4jError && CONNECTION_CODES.has(error.code);
}

function parseValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.slice(1, -1);
  const number = Number(trimmed);
  return Number.isNaN(number) ? trimmed : number;
}
