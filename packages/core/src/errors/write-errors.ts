import { CartographError } from './cartograph-error';

/** `batchSize` (createMany, getOrCreate, ...) is not a whole number >= 1. */
export class InvalidBatchSizeError extends CartographError {
  constructor(readonly batchSize: unknown) {
    super('INVALID_BATCH_SIZE', `batchSize must be a whole number >= 1, got ${String(batchSize)}.`);
  }
}

/** A keyed batch write (getOrCreate, createOrUpdate) has no field identifying each row's node. */
export class MissingKeyError extends CartographError {
  constructor(readonly model: string) {
    super(
      'MISSING_KEY',
      `${model}: no unique field is given in every row to identify nodes by. Pass { key: ['field', ...] }.`,
    );
  }
}

/** Neo4j answered a batch create with fewer ids than rows sent (nothing is assumed about the rest). */
export class BatchMismatchError extends CartographError {
  constructor(
    readonly created: number,
    readonly sent: number,
  ) {
    super(
      'BATCH_MISMATCH',
      `createMany: Neo4j created ${created} of ${sent} nodes. Check the database for a trigger or constraint that drops rows, then retry the missing ones.`,
    );
  }
}

/** `Model.inflate` / `graph.cypher(..., { model })` got records that do not hold exactly one node. */
export class InvalidResultError extends CartographError {
  constructor(message: string) {
    super('INVALID_RESULT', message);
  }
}
