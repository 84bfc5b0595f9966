export { AttemptedCardinalityViolationError, CardinalityViolationError } from './cardinality-errors';
export { CartographError } from './cartograph-error';
export { ModelDefinitionError, UnknownModelError } from './definition-errors';
export {
  DoesNotExistError,
  MultipleNodesReturnedError,
  NotConnectedError,
  NotSavedError,
  QueryFailedError,
  UniquePropertyError,
} from './query-errors';
export { type FieldError, PropertyConversionError, ValidationError } from './validation-error';
