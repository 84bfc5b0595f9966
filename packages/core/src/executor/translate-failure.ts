import { Neo4jError } from 'neo4j-driver';
import { DeadlineExceededError } from '../errors';
import type { Deadline } from './deadline';
import { translateNeo4jError } from './neo4j-errors';

/**
 * The typed error a failed call raises: the server's own transaction timeout (which Cartograph sets
 * from the deadline) reads as DeadlineExceededError, everything else as `translateNeo4jError` says.
 */
export function translateFailure(error: unknown, deadline: Deadline, cypher?: string): unknown {
  if (
    error instanceof Neo4jError &&
    error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')
  ) {
    return new DeadlineExceededError(deadline.timeoutMs, { cause: error });
  }
  return translateNeo4jError(error, cypher);
}
