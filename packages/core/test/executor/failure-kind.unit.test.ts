import { Neo4jError } from 'neo4j-driver';
import { QueryFailedError, TransactionTooLargeError } from '../../src';
import { failureKind } from '../../src/executor/failure-kind';
import { translateNeo4jError } from '../../src/executor/neo4j-errors';

const driverError = (code: string) => new Neo4jError('failed', code, '50N42', 'general processing exception');

describe('failureKind', () => {
  it('retries a transient error, raw or translated, even at COMMIT (the server answered)', () => {
    const deadlock = driverError('Neo.TransientError.Transaction.DeadlockDetected');

    expect(failureKind(deadlock, false)).toBe('retry');
    expect(failureKind(translateNeo4jError(deadlock), false)).toBe('retry');
    expect(failureKind(deadlock, true)).toBe('retry');
  });

  it('retries a connection failure before COMMIT was sent', () => {
    expect(failureKind(driverError('ServiceUnavailable'), false)).toBe('retry');
    expect(failureKind(translateNeo4jError(driverError('SessionExpired')), false)).toBe('retry');
  });

  it.each([
    'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
    'Neo.TransientError.General.TransactionMemoryLimit',
  ])('reports a transaction past the server memory limit (%s) at once, pointing at importMany', (code) => {
    const tooLarge = translateNeo4jError(driverError(code));

    expect(tooLarge).toBeInstanceOf(TransactionTooLargeError);
    expect((tooLarge as Error).message).toContain('importMany');
    expect(failureKind(driverError(code), false)).toBe('fail');
    expect(failureKind(tooLarge, false)).toBe('fail');
  });

  it('calls a connection failure after COMMIT was sent an unknown outcome', () => {
    expect(failureKind(driverError('ServiceUnavailable'), true)).toBe('unknown');
  });

  it('reports a query the server rejected as it is', () => {
    const rejected = driverError('Neo.ClientError.Statement.ArithmeticError');

    expect(failureKind(rejected, false)).toBe('fail');
    expect(failureKind(new QueryFailedError('x', { cause: rejected }), false)).toBe('fail');
    expect(failureKind(new Error('a bug in the callback'), false)).toBe('fail');
  });
});

describe('translateNeo4jError', () => {
  it('turns a lost connection into ConnectionLostError, not "Neo4j rejected the query"', () => {
    expect(translateNeo4jError(driverError('ServiceUnavailable'))).toMatchObject({ code: 'CONNECTION_LOST' });
    expect(translateNeo4jError(driverError('SessionExpired'))).toMatchObject({ code: 'CONNECTION_LOST' });
  });
});
