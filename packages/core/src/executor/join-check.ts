import { WriteInReadTransactionError } from '../errors';
import type { AccessMode } from '../graph/graph';
import type { ActiveTransaction } from '../graph/transaction-context';

/** The one check that work joining `active` fits its mode: no write inside `readTransaction()`. */
export function checkJoin(active: ActiveTransaction, mode: AccessMode): ActiveTransaction {
  if (active.mode === 'READ' && mode === 'WRITE') throw new WriteInReadTransactionError();
  return active;
}
