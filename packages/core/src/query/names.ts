/**
 * Hands out variable names for one compiled query. Names are unique across the whole statement
 * (subqueries included), so an inner variable can never capture an outer one by accident, and they
 * depend only on the query's shape, so equal shapes render equal text.
 */
export class Names {
  #next = 0;

  /** A fresh name such as `n3`. */
  next(prefix: 'n' | 'r' | 'm' | 'x' | 'a' | 'f' | 'o'): string {
    return `${prefix}${this.#next++}`;
  }
}
