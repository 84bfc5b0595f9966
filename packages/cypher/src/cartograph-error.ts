/**
 * Root of every error Cartograph raises. `code` is stable across releases (match on it, not on the
 * message); the message says what happened and what to do about it.
 */
export class CartographError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}
