import { InvalidBatchSizeError } from '../errors';

/** Rows (or pairs) per statement when the caller names no `batchSize`. */
export const DEFAULT_BATCH_SIZE = 10_000;

/** `batchSize` of a batch write, checked. @throws InvalidBatchSizeError unless a whole number >= 1 */
export function checkedBatchSize(batchSize = DEFAULT_BATCH_SIZE): number {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new InvalidBatchSizeError(batchSize);
  return batchSize;
}
