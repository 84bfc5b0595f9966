import { CartographError } from './cartograph-error';

/**
 * A filter, ordering, projection or write (create, update, relationship properties) named a property
 * the model does not declare.
 */
export class UnknownPropertyError extends CartographError {
  constructor(
    readonly model: string,
    readonly property: string,
    known: readonly string[],
    what = 'property',
    hint = '',
  ) {
    super(
      'UNKNOWN_PROPERTY',
      `${model} has no ${what} ${JSON.stringify(property)}. Known: ${known.length === 0 ? '(none)' : known.join(', ')}.${hint}`,
    );
  }
}

/** A filter used an operator that does not exist, or that does not apply to the property's type. */
export class UnknownOperatorError extends CartographError {
  constructor(
    readonly model: string,
    readonly property: string,
    readonly operator: string,
    allowed: readonly string[],
  ) {
    super(
      'UNKNOWN_OPERATOR',
      `${JSON.stringify(operator)} is not an operator for ${model}.${property}. Use one of: ${allowed.join(', ')}.`,
    );
  }
}

/** A filter, order key, path or value is malformed (wrong value type, bad path, empty list...). */
export class InvalidFilterError extends CartographError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_FILTER', message, options);
  }
}

/** A pagination cursor could not be decoded or was made for a different ordering. */
export class InvalidCursorError extends CartographError {
  constructor(message: string) {
    super('INVALID_CURSOR', `${message} Pass a cursor returned by paginate() on the same query.`);
  }
}
