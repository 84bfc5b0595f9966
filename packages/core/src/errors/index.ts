export { AttemptedCardinalityViolationError, CardinalityViolationError } from './cardinality-errors';
export { CartographError } from './cartograph-error';
export { ModelDefinitionError, UnknownModelError } from './definition-errors';
export {
  HydrationError,
  type HydrationProblem,
  type ProblemHandler,
  type StoredDataLocation,
} from './hydration-error';
export { ForbiddenPropertyNameError } from './input-errors';
export {
  DoesNotExistError,
  MultipleNodesReturnedError,
  NotConnectedError,
  NotSavedError,
  QueryFailedError,
  UniquePropertyError,
} from './query-errors';
export { type FieldError, PropertyConversionError, ValidationError } from './validation-error';
