import { CartographError } from './cartograph-error';

/** A write was attempted inside `readTransaction()`. */
export class WriteInReadTransactionError extends CartographError {
  constructor() {
    super(
      'WRITE_IN_READ_TRANSACTION',
      'A write was attempted inside readTransaction(). Use writeTransaction() for work that writes.',
    );
  }
}

/** The explicit transaction was already committed or rolled back. */
export class TransactionClosedError extends CartographError {
  constructor() {
    super('TRANSACTION_CLOSED', 'This transaction was already committed or rolled back. Begin a new one.');
  }
}
