import { CartographError } from './cartograph-error';

/** `get` found no node matching the filters. */
export class DoesNotExistError extends CartographError {
  constructor(
    readonly model: string,
    readonly filters: unknown,
  ) {
    super(
      'DOES_NOT_EXIST',
      `No ${model} matches ${describe(filters)}. Use getOrNull() when absence is expected.`,
    );
  }
}

/** `get` expected one node and found several. */
export class MultipleNodesReturnedError extends CartographError {
  constructor(
    readonly model: string,
    readonly filters: unknown,
  ) {
    super(
      'MULTIPLE_NODES_RETURNED',
      `More than one ${model} matches ${describe(filters)}. Narrow the filters, or use filter(...).all().`,
    );
  }
}

/** A unique constraint rejected a write. */
export class UniquePropertyError extends CartographError {
  constructor(
    readonly label: string,
    readonly property: string,
    readonly value: unknown,
    options?: { cause?: unknown },
  ) {
    super(
      'UNIQUE_PROPERTY',
      `A ${label} with ${property} = ${describe(value)} already exists; ${property} must be unique.`,
      options,
    );
  }
}

/** The operation needs a node that has been saved (it has no element id yet). */
export class NotSavedError extends CartographError {
  constructor(model: string, operation: string) {
    super(
      'NOT_SAVED',
      `Cannot ${operation} a ${model} that has not been saved. Call save() or create() first.`,
    );
  }
}

/** No connection: `Graph.connect()` was not called, or the graph was closed. */
export class NotConnectedError extends CartographError {
  constructor(message = 'No graph is connected. Call Graph.connect({ url, auth }) first.') {
    super('NOT_CONNECTED', message);
  }
}

/** A query failed at the server for a reason Cartograph does not map to a narrower error. */
export class QueryFailedError extends CartographError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('QUERY_FAILED', message, options);
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
