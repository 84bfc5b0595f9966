import { CartographError } from './cartograph-error';

/** One field that failed validation. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
  /** Which check failed, e.g. `required`, `type`, `choices`, or a class-validator constraint name. */
  readonly constraint: string;
}

/** Raised before any write when one or more fields are invalid; lists every failing field. */
export class ValidationError extends CartographError {
  constructor(
    readonly model: string,
    readonly errors: readonly FieldError[],
  ) {
    super(
      'VALIDATION_FAILED',
      `${model} is invalid; nothing was written:\n${errors.map((e) => `  - ${e.field}: ${e.message}`).join('\n')}`,
    );
  }
}

/** A value could not be converted to or from its Neo4j form. */
export class PropertyConversionError extends CartographError {
  constructor(
    readonly model: string,
    readonly field: string,
    message: string,
    readonly direction: 'deflate' | 'inflate',
  ) {
    super(direction === 'deflate' ? 'DEFLATE_FAILED' : 'INFLATE_FAILED', `${model}.${field}: ${message}`);
  }
}
