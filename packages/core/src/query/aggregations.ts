import type { FieldKeys, PathTarget, PathValue, RelatedFieldPath, RelationPath } from './types';

/** The aggregate functions `annotate`, `aggregate` and `groupBy` understand. */
export type AggregateKind = 'count' | 'collect' | 'sum' | 'avg' | 'min' | 'max';

/**
 * An aggregate over a path, built by {@link count}, {@link collect}, {@link sum}, {@link avg},
 * {@link min} or {@link max}. The path is checked against the model where it is used.
 */
export class Aggregation<
  K extends AggregateKind = AggregateKind,
  P extends string | undefined = string | undefined,
> {
  constructor(
    readonly kind: K,
    readonly path: P,
    readonly distinct: boolean,
  ) {
    Object.freeze(this);
  }
}

/** Options of {@link collect} and {@link count}. */
export interface AggregateOptions {
  /** Count or collect each distinct node or value once. */
  distinct?: boolean;
}

/**
 * Counts. In `annotate`: the nodes reached through a relationship path (`count('friends')`). In
 * `aggregate` / `groupBy`: the nodes of the set (`count()`), or the non-null values of a property.
 */
/** `count(*)` of the rows (with `aggregate`), or of the related nodes at `path` (with `annotate`). */
export function count(): Aggregation<'count', undefined>;
export function count<P extends string>(path: P, options?: AggregateOptions): Aggregation<'count', P>;
export function count(
  path?: string,
  options: AggregateOptions = {},
): Aggregation<'count', string | undefined> {
  return new Aggregation('count', path, options.distinct === true);
}

/** Collects related nodes (`collect('friends')`) or property values (`collect('friends.name')`, `collect('name')`). */
export function collect<P extends string>(
  path: P,
  options: AggregateOptions = {},
): Aggregation<'collect', P> {
  return new Aggregation('collect', path, options.distinct === true);
}

/** Sum of a numeric property (0 when there are no values). */
export function sum<P extends string>(path: P): Aggregation<'sum', P> {
  return new Aggregation('sum', path, false);
}

/** Average of a numeric property (null when there are no values). */
export function avg<P extends string>(path: P): Aggregation<'avg', P> {
  return new Aggregation('avg', path, false);
}

/** Smallest value of a property (null when there are no values). */
export function min<P extends string>(path: P): Aggregation<'min', P> {
  return new Aggregation('min', path, false);
}

/** Largest value of a property (null when there are no values). */
export function max<P extends string>(path: P): Aggregation<'max', P> {
  return new Aggregation('max', path, false);
}

/** Marks an aggregate whose path does not fit the model, so the type error names the path. */
export interface InvalidAggregation<P> {
  readonly __invalidPath: P;
}

/** Value of an annotation (one per node; paths start with a relationship). */
export type AnnotationValue<T, A> =
  A extends Aggregation<infer K, infer P>
    ? P extends string
      ? K extends 'count'
        ? P extends RelationPath<T> | RelatedFieldPath<T>
          ? number
          : never
        : K extends 'collect'
          ? P extends RelationPath<T>
            ? PathTarget<T, P>[]
            : P extends RelatedFieldPath<T>
              ? NonNullable<PathValue<T, P>>[]
              : never
          : P extends RelatedFieldPath<T>
            ? AggregateOf<K, PathValue<T, P>>
            : never
      : never
    : never;

/** Value of a set-wide aggregate (paths are the set's own fields). */
export type AggregateValue<T, A> =
  A extends Aggregation<infer K, infer P>
    ? P extends undefined
      ? K extends 'count'
        ? number
        : never
      : P extends FieldKeys<T>
        ? K extends 'count'
          ? number
          : K extends 'collect'
            ? NonNullable<T[P]>[]
            : AggregateOf<K, T[P]>
        : never
    : never;

type AggregateOf<K, V> = K extends 'sum' ? number : K extends 'avg' ? number | null : NonNullable<V> | null;

/** Rejects (at compile time) annotations whose path does not fit `T`. */
export type CheckedAnnotations<T, A> = {
  [K in keyof A]: [AnnotationValue<T, A[K]>] extends [never] ? InvalidAggregation<A[K]> : A[K];
};

/** Rejects (at compile time) aggregates whose path does not fit `T`. */
export type CheckedAggregates<T, A> = {
  [K in keyof A]: [AggregateValue<T, A[K]>] extends [never] ? InvalidAggregation<A[K]> : A[K];
};

/** What `annotate(a)` adds to each result. */
export type Annotated<T, A> = { [K in keyof A]: AnnotationValue<T, A[K]> };

/** The row `aggregate(a)` returns. */
export type Aggregated<T, A> = { [K in keyof A]: AggregateValue<T, A[K]> };
