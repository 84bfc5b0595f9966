import { escapeIdentifier, InvalidIdentifierError, isSafeIdentifier, isValidIdentifier } from '../src';

describe('escapeIdentifier', () => {
  it('leaves plain names untouched', () => {
    expect(escapeIdentifier('Person')).toBe('Person');
    expect(escapeIdentifier('WORKS_AT')).toBe('WORKS_AT');
    expect(escapeIdentifier('_internal1')).toBe('_internal1');
  });

  it('quotes names containing spaces', () => {
    expect(escapeIdentifier('full name')).toBe('`full name`');
  });

  it('quotes names starting with a digit', () => {
    expect(escapeIdentifier('2fa')).toBe('`2fa`');
  });

  it('quotes names with punctuation such as dots and dashes', () => {
    expect(escapeIdentifier('vector.dimensions')).toBe('`vector.dimensions`');
    expect(escapeIdentifier('created-at')).toBe('`created-at`');
  });

  it('doubles embedded backticks', () => {
    expect(escapeIdentifier('we`ird')).toBe('`we``ird`');
    expect(escapeIdentifier('`')).toBe('````');
  });

  it('quotes reserved words regardless of case', () => {
    expect(escapeIdentifier('MATCH')).toBe('`MATCH`');
    expect(escapeIdentifier('match')).toBe('`match`');
    expect(escapeIdentifier('Return')).toBe('`Return`');
    expect(escapeIdentifier('order')).toBe('`order`');
    expect(escapeIdentifier('null')).toBe('`null`');
  });

  it('quotes non-ASCII letters rather than relying on the server to accept them bare', () => {
    expect(escapeIdentifier('Straße')).toBe('`Straße`');
    expect(escapeIdentifier('名前')).toBe('`名前`');
  });

  it('keeps astral characters such as emoji intact inside backticks', () => {
    expect(escapeIdentifier('Tag🙂')).toBe('`Tag🙂`');
  });

  it('quotes a hostile label so that it stays a single name', () => {
    expect(escapeIdentifier("'); MATCH (n) DETACH DELETE n //")).toBe("`'); MATCH (n) DETACH DELETE n //`");
    expect(escapeIdentifier('Person`) DETACH DELETE n //')).toBe('`Person``) DETACH DELETE n //`');
  });

  it('quotes newlines and other whitespace', () => {
    expect(escapeIdentifier('a\nb')).toBe('`a\nb`');
  });

  it('returns the same text on repeated calls (cached path)', () => {
    const first = escapeIdentifier('cache me');
    expect(escapeIdentifier('cache me')).toBe(first);
  });

  it('rejects the empty string', () => {
    expect(() => escapeIdentifier('')).toThrow(InvalidIdentifierError);
  });

  it('rejects names containing NUL', () => {
    expect(() => escapeIdentifier('a\u0000b')).toThrow(InvalidIdentifierError);
  });

  it('rejects lone high surrogates', () => {
    expect(() => escapeIdentifier('a\uD800b')).toThrow(InvalidIdentifierError);
  });

  it('rejects lone low surrogates', () => {
    expect(() => escapeIdentifier('\uDC00')).toThrow(InvalidIdentifierError);
  });

  it('rejects a backslash-u sequence, which Neo4j decodes into a backtick before parsing', () => {
    expect(() => escapeIdentifier('Person\\u0060) DETACH DELETE n //')).toThrow(InvalidIdentifierError);
  });

  it('accepts other backslashes', () => {
    expect(escapeIdentifier('C:\\temp')).toBe('`C:\\temp`');
  });

  it('reports a stable code, the identifier and what is allowed', () => {
    let caught: unknown;
    try {
      escapeIdentifier('bad\u0000name');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidIdentifierError);
    const error = caught as InvalidIdentifierError;
    expect(error.code).toBe('CYPHER_INVALID_IDENTIFIER');
    expect(error.identifier).toBe('bad\u0000name');
    expect(error.name).toBe('InvalidIdentifierError');
    expect(error.message).toContain(JSON.stringify('bad\u0000name'));
    expect(error.message).toContain('identifiers must be non-empty');
  });
});

describe('isSafeIdentifier', () => {
  it('is true for plain, non-reserved names', () => {
    expect(isSafeIdentifier('Company')).toBe(true);
  });

  it('is false for reserved words', () => {
    expect(isSafeIdentifier('where')).toBe(false);
  });

  it('is false for names that need backticks', () => {
    expect(isSafeIdentifier('has space')).toBe(false);
  });
});

describe('isValidIdentifier', () => {
  it('is true for names that need quoting but can be quoted', () => {
    expect(isValidIdentifier('has space')).toBe(true);
  });

  it('is false for names that can never be quoted safely', () => {
    expect(isValidIdentifier('')).toBe(false);
    expect(isValidIdentifier('\uD800')).toBe(false);
  });
});
