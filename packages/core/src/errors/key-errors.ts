import { CartographError } from './cartograph-error';

/**
 * A node key given to `relate` / `relateMany` / `unrelateMany` (or `importMany`'s `key`) does not
 * name exactly one unique property of the model. Nothing was written.
 */
export class InvalidKeyError extends CartographError {
  constructor(
    readonly model: string,
    message: string,
  ) {
    super('INVALID_KEY', `${model}: ${message} Nothing was written.`);
  }
}

/** Node keys that matched no node (`relate`, `relateMany`, `unrelateMany`). Nothing was written. */
export class NodesNotFoundError extends CartographError {
  constructor(
    readonly model: string,
    /** The key property (field name). */
    readonly property: string,
    /** The values that matched no node (`'***'` for a sensitive property). */
    readonly values: readonly unknown[],
  ) {
    super(
      'NODES_NOT_FOUND',
      `No ${model} has ${property} ${listed(values)}. Create the node(s) first; nothing was written.`,
    );
  }
}

/**
 * A batch of `importMany` failed. Earlier batches are committed (`summary.written` rows), the
 * failed batch wrote nothing; `cause` says why. Run the same import again to finish it: rows whose
 * key is already stored are skipped.
 */
export class ImportFailedError extends CartographError {
  constructor(
    readonly model: string,
    readonly summary: {
      readonly written: number;
      readonly skipped: number;
      readonly batches: number;
      readonly failedBatch: number;
    },
    cause: unknown,
  ) {
    super(
      'IMPORT_FAILED',
      `${model}.importMany: batch ${summary.failedBatch} failed and wrote nothing; ${summary.written} row(s) ` +
        `in ${summary.batches} earlier batch(es) are committed. Fix the cause and run the import again: ` +
        `rows already written are skipped by key. Cause: ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
  }
}

/**
 * A single transaction grew past the server's transaction memory limit (e.g. `createMany` of
 * millions of rows). Not retried: the same transaction would meet the same limit.
 */
export class TransactionTooLargeError extends CartographError {
  constructor(options: { cause: unknown }) {
    super(
      'TRANSACTION_TOO_LARGE',
      'The transaction exceeded the memory Neo4j allows a transaction, and was rolled back (nothing was written). ' +
        'Split the work: Model.importMany(rows) commits batch by batch and can be re-run after a failure; for raw ' +
        'Cypher use CALL { ... } IN TRANSACTIONS.',
      options,
    );
  }
}

function listed(values: readonly unknown[]): string {
  const shown = values.slice(0, 10).map((v) => JSON.stringify(v));
  const more = values.length > 10 ? ` and ${values.length - 10} more` : '';
  return `${shown.join(', ')}${more}`;
}
