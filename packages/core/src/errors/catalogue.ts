/**
 * The one list of Cartograph's error codes (core and the Cypher builder; migrations adds its own
 * in `@cartograph/migrations`). Each code has one class; `docs/errors.md` is generated from this
 * table (`pnpm docs:errors`) and a unit test fails when the doc is stale or when a source file
 * raises a code that is not listed here.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: {
    className: 'ValidationError',
    when: 'invalid fields; `errors` lists them all; nothing was written',
  },
  UNIQUE_PROPERTY: {
    className: 'UniquePropertyError',
    when: "a unique constraint rejected a write; has `label`, `property`, `value` (`'***'` for a sensitive property)",
  },
  DOES_NOT_EXIST: {
    className: 'DoesNotExistError',
    when: '`get` found nothing (use `getOrNull` when absence is expected)',
  },
  MULTIPLE_NODES_RETURNED: {
    className: 'MultipleNodesReturnedError',
    when: '`get` found several; narrow the filters',
  },
  ATTEMPTED_CARDINALITY_VIOLATION: {
    className: 'AttemptedCardinalityViolationError',
    when: 'a relationship change would break a cardinality; nothing was written',
  },
  CARDINALITY_VIOLATION: {
    className: 'CardinalityViolationError',
    when: 'the graph breaks a declared cardinality (also found by `fetchRelations`)',
  },
  NOT_RELATED: {
    className: 'NotRelatedError',
    when: '`reconnect` was given a node the owner is not related to; use `connect()`',
  },
  INVALID_STORED_DATA: {
    className: 'HydrationError',
    when: 'a read node/relationship breaks its model; names element id, property, `storedType`, `expectedType`',
  },
  FORBIDDEN_PROPERTY_NAME: {
    className: 'ForbiddenPropertyNameError',
    when: 'input with a `__proto__` / `constructor` / `prototype` key; nothing was written',
  },
  UNKNOWN_PROPERTY: {
    className: 'UnknownPropertyError',
    when: 'a filter, order key, key field or write names an undeclared property; nothing was written',
  },
  UNKNOWN_OPERATOR: {
    className: 'UnknownOperatorError',
    when: "a filter operator that does not exist or does not apply to the property's type",
  },
  INVALID_FILTER: { className: 'InvalidFilterError', when: 'a malformed filter, order key, path or value' },
  INVALID_CURSOR: {
    className: 'InvalidCursorError',
    when: 'a `paginate` cursor that is corrupt or was made for another ordering',
  },
  MISSING_SEARCH_INDEX: {
    className: 'MissingSearchIndexError',
    when: '`nearest` / `search` / `hybrid` on a property without a vector / full-text index in the models; nothing ran',
  },
  INVALID_VECTOR: {
    className: 'InvalidVectorError',
    when: 'a query vector of the wrong length, with a non-finite component, or all zeros for cosine; nothing ran',
  },
  INVALID_SEARCH: {
    className: 'InvalidSearchError',
    when: 'malformed search options (`k`, `candidates`, weights, query text) or a search after `traverse`; nothing ran',
  },
  INVALID_BATCH_SIZE: { className: 'InvalidBatchSizeError', when: '`batchSize` is not a whole number >= 1' },
  MISSING_KEY: {
    className: 'MissingKeyError',
    when: 'a keyed batch write has no unique field given in every row; pass `{ key: [...] }`',
  },
  BATCH_MISMATCH: {
    className: 'BatchMismatchError',
    when: 'Neo4j answered a batch create with fewer ids than rows sent',
  },
  INVALID_KEY: {
    className: 'InvalidKeyError',
    when: 'a node key of `relate` / `relateMany` / `unrelateMany` / `importMany` names no unique property; nothing was written',
  },
  NODES_NOT_FOUND: {
    className: 'NodesNotFoundError',
    when: '`relate` / `relateMany` / `unrelateMany` keys that match no node; `values` lists them; nothing was written',
  },
  IMPORT_FAILED: {
    className: 'ImportFailedError',
    when: 'a batch of `importMany` failed (the `cause`); earlier batches are committed (`summary`); run it again to finish',
  },
  TRANSACTION_TOO_LARGE: {
    className: 'TransactionTooLargeError',
    when: "one transaction exceeded the server's transaction memory (e.g. a huge `createMany`); use `importMany`",
  },
  INVALID_RESULT: {
    className: 'InvalidResultError',
    when: '`Model.inflate` / `cypher(..., { model })` records that do not hold exactly one node',
  },
  MODEL_DEFINITION: {
    className: 'ModelDefinitionError',
    when: 'a model is defined inconsistently (raised when the class is defined, naming class and property)',
  },
  UNKNOWN_MODEL: {
    className: 'UnknownModelError',
    when: 'a class that is not a decorated model was used as one',
  },
  NOT_SAVED: { className: 'NotSavedError', when: 'an operation needs a saved node; call `save()` first' },
  INVALID_CONFIGURATION: {
    className: 'ConfigurationError',
    when: 'a connection option or the environment variable it came from has an invalid value; `option` names it',
  },
  NOT_CONNECTED: {
    className: 'NotConnectedError',
    when: 'no graph connected, the graph was closed, or the server is unreachable',
  },
  CONNECTION_LOST: {
    className: 'ConnectionLostError',
    when: 'the connection failed, was reset or refused during a call (retries spent)',
  },
  DEADLINE_EXCEEDED: {
    className: 'DeadlineExceededError',
    when: 'the call ran past its `timeoutMs` / `defaultTimeoutMs`; has `timeoutMs`',
  },
  ABORTED: { className: 'AbortedError', when: "the call's `signal` aborted" },
  COMMIT_OUTCOME_UNKNOWN: {
    className: 'CommitOutcomeUnknownError',
    when: 'the connection failed after COMMIT was sent: the write may or may not have applied',
  },
  DEFLATE_FAILED: {
    className: 'PropertyDeflateError',
    when: 'a value could not be converted for storage',
  },
  INFLATE_FAILED: {
    className: 'PropertyInflateError',
    when: 'a stored value could not be converted back',
  },
  QUERY_FAILED: {
    className: 'QueryFailedError',
    when: 'any other server error (the driver error is the `cause`)',
  },
  WRITE_IN_READ_TRANSACTION: {
    className: 'WriteInReadTransactionError',
    when: 'a write inside `readTransaction()`; use `writeTransaction()`',
  },
  TRANSACTION_CLOSED: {
    className: 'TransactionClosedError',
    when: 'work on an explicit transaction after `commit()` / `rollback()`',
  },
  NO_TENANT: {
    className: 'TenantContextError',
    when: 'a multi-tenant model was queried or created outside `runWithTenant()`',
  },
  CYPHER_INVALID_IDENTIFIER: {
    className: 'InvalidIdentifierError',
    when: 'a label, relationship type, property or variable name Cypher cannot carry',
  },
  CYPHER_INVALID_QUERY: {
    className: 'InvalidQueryError',
    when: 'the Cypher builder was given an impossible query',
  },
} as const satisfies Record<string, { readonly className: string; readonly when: string }>;

/** Every code a core or Cypher-builder error carries: match on `error.code`. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Whether `error` is a Cartograph error with the given code. */
export function hasErrorCode<C extends ErrorCode>(error: unknown, code: C): error is Error & { code: C } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
