import { CartographError } from './cartograph-error';

/**
 * Base class of every error thrown by `@cartograph/cypher`; a {@link CartographError}.
 *
 * The `code` is stable and machine-readable so that higher layers can wrap or translate errors
 * without matching on message text.
 */
export class CypherError extends CartographError {}

/**
 * A label, relationship type, property key, map key, alias, variable or schema name cannot be
 * written into Cypher text safely.
 */
export class InvalidIdentifierError extends CypherError {
  /** The rejected identifier, verbatim. */
  readonly identifier: string;

  constructor(identifier: string, reason: string) {
    super('CYPHER_INVALID_IDENTIFIER', `Invalid Cypher identifier ${JSON.stringify(identifier)}: ${reason}`);
    this.identifier = identifier;
  }
}

/**
 * The AST cannot be rendered as a valid Cypher statement (a RETURN without items, a non-finite
 * literal, a malformed procedure name, a negative batch size, ...).
 */
export class InvalidQueryError extends CypherError {
  constructor(message: string) {
    super('CYPHER_INVALID_QUERY', message);
  }
}
