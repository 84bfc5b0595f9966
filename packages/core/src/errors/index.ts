export {
  AttemptedCardinalityViolationError,
  CardinalityViolationError,
  NotRelatedError,
} from './cardinality-errors';
export { CartographError } from './cartograph-error';
export { ERROR_CATALOGUE, type ErrorCode, hasErrorCode } from './catalogue';
export { CommitOutcomeUnknownError } from './commit-outcome-unknown-error';
export { ConfigurationError } from './configuration-error';
export { ConnectionLostError } from './connection-errors';
export { AbortedError, DeadlineExceededError } from './deadline-errors';
export { ModelDefinitionError, UnknownModelError } from './definition-errors';
export {
  HydrationError,
  type HydrationProblem,
  type ProblemHandler,
  type StoredDataLocation,
} from './hydration-error';
export { ForbiddenPropertyNameError } from './input-errors';
export {
  ImportFailedError,
  InvalidKeyError,
  NodesNotFoundError,
  TransactionTooLargeError,
} from './key-errors';
export { TenantContextError } from './plugin-errors';
export {
  DoesNotExistError,
  MultipleNodesReturnedError,
  NotConnectedError,
  NotSavedError,
  QueryFailedError,
  UniquePropertyError,
} from './query-errors';
export { InvalidSearchError, InvalidVectorError, MissingSearchIndexError } from './search-errors';
export { TransactionClosedError, WriteInReadTransactionError } from './transaction-errors';
export {
  type FieldError,
  PropertyConversionError,
  PropertyDeflateError,
  PropertyInflateError,
  ValidationError,
} from './validation-error';
export {
  BatchMismatchError,
  InvalidBatchSizeError,
  InvalidResultError,
  MissingKeyError,
} from './write-errors';
