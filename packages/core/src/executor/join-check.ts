import { WriteInReadTransactionError } from '../errors';
import type { ActiveTransaction } from './transaction-context';
import type { AccessMode } from './types';

/** The one check that work joining `active` fits its mode: no write inside `readTransaction()`. */
export function checkJoin<G>(active: ActiveTransaction<G>, mode: AccessMode): ActiveTransaction<G> {
  if (active.mode === 'READ' && mode === 'WRITE') throw new WriteInReadTransactionError();
  return active;
}
