import { CartographError, CypherError, escapeIdentifier, InvalidIdentifierError } from '../src';

describe('errors of the Cypher builder', () => {
  it('are CartographErrors with a stable code, so callers catch one hierarchy', () => {
    const error = (() => {
      try {
        escapeIdentifier('');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidIdentifierError);
    expect(error).toBeInstanceOf(CypherError);
    expect(error).toBeInstanceOf(CartographError);
    expect((error as CartographError).code).toBe('CYPHER_INVALID_IDENTIFIER');
  });
});
