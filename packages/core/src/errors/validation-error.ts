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

/**
 * A value could not be converted to or from its Neo4j form: the base of {@link PropertyDeflateError}
 * (`DEFLATE_FAILED`) and {@link PropertyInflateError} (`INFLATE_FAILED`), one class per code.
 */
export abstract class PropertyConversionError extends CartographError {
  protected constructor(
    code: 'DEFLATE_FAILED' | 'INFLATE_FAILED',
    readonly model: string,
    readonly field: string,
    message: string,
    readonly direction: 'deflate' | 'inflate',
  ) {
    super(code, `${model}.${field}: ${message}`);
  }
}

/** A value could not be converted for storage (a wrong type reaching the property's type). */
export class PropertyDeflateError extends PropertyConversionError {
  constructor(model: string, field: string, message: string) {
    super('DEFLATE_FAILED', model, field, message, 'deflate');
  }
}

/** A stored value could not be converted back (data written by another application, say). */
export class PropertyInflateError extends PropertyConversionError {
  constructor(model: string, field: string, message: string) {
    super('INFLATE_FAILED', model, field, message, 'inflate');
  }
}
