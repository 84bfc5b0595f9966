import { QNode } from './q-node';
import type { FilterInput } from './types';

export { QNode, type QOperator } from './q-node';

/**
 * Combinators for filters that a single filter object cannot express:
 * `Person.nodes.filter(Q.or({ age: { lt: 18 } }, Q.not({ name: 'Bob' })))`.
 *
 * `Q.not(f)` is the exact complement of `f`: it also keeps nodes where `f` is unknown because a
 * property is missing (Cypher's `NOT (null = 'Bob')` is null, which would drop them).
 */
export const Q = Object.freeze({
  /** Every filter must hold. */
  and<T>(...filters: NoInfer<FilterInput<T>>[]): QNode<T> {
    return new QNode<T>('and', filters);
  },
  /** At least one filter must hold. */
  or<T>(...filters: NoInfer<FilterInput<T>>[]): QNode<T> {
    return new QNode<T>('or', filters);
  },
  /** The filter must not hold. */
  not<T>(filter: NoInfer<FilterInput<T>>): QNode<T> {
    return new QNode<T>('not', [filter]);
  },
});
