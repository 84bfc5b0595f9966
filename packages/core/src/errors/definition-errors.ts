import { CartographError } from './cartograph-error';

/** A decorated class is defined in a way the registry cannot accept (raised at class definition). */
export class ModelDefinitionError extends CartographError {
  constructor(
    readonly model: string,
    message: string,
  ) {
    super('MODEL_DEFINITION', `${model}: ${message}`);
  }
}

/** A model or field name was used that the registry does not know. */
export class UnknownModelError extends CartographError {
  constructor(message: string) {
    super('UNKNOWN_MODEL', message);
  }
}
