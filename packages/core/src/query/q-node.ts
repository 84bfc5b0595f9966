/** How a {@link QNode} combines its parts. */
export type QOperator = 'and' | 'or' | 'not';

/**
 * A boolean combination of filters, built with {@link Q}. Immutable; `T` is the model the filters
 * apply to and is inferred from where the expression is used.
 */
export class QNode<T> {
  /** Carries the model type only; never set at run time. */
  declare readonly __model?: T;

  constructor(
    readonly operator: QOperator,
    /** Filter objects and nested QNodes (typed by {@link Q}'s combinators, which build every QNode). */
    readonly items: readonly object[],
  ) {
    Object.freeze(this.items);
    Object.freeze(this);
  }
}
