import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { CartographError } from '../errors';
import { isConnectionFailure, isMemoryLimit } from './neo4j-errors';

/**
 * What a failed transaction attempt allows: `retry` (nothing was applied: the server answered with
 * a transient error, or the connection failed before COMMIT was sent), `unknown` (the connection
 * failed after COMMIT was sent: it may have been applied), or `fail` (report it as it is).
 */
export type FailureKind = 'retry' | 'unknown' | 'fail';

export function failureKind(error: unknown, commitSent: boolean): FailureKind {
  const driverError = driverCause(error);
  if (!driverError) return 'fail';
  if (isConnectionFailure(driverError)) return commitSent ? 'unknown' : 'retry';
  if (isMemoryLimit(driverError)) return 'fail';
  // A transient error is the server's answer, so even at COMMIT it means "not applied".
  return isRetryableError(driverError) ? 'retry' : 'fail';
}

/** The driver error behind `error`: itself, or the cause Cartograph wrapped it in. */
function driverCause(error: unknown): Neo4jError | undefined {
  if (error instanceof Neo4jError) return error;
  if (error instanceof CartographError && error.cause instanceof Neo4jError) return error.cause;
  return undefined;
}
