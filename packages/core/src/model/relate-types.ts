import type { FieldKeys, RelationKeys, RelationModel, RelationTarget } from '../query/types';
import type { RelationshipProps } from '../relationships/relationship-manager';

/**
 * A node of model `T` named by one unique property (or its `@UniqueIdProperty`):
 * `{ email: 'ada@example.com' }`. Exactly one property, checked at run time.
 */
export type NodeKey<T> = { [K in FieldKeys<T>]?: T[K] };

/** One pair of `Model.relateMany(field, pairs)`: both ends by key, and the relationship's properties. */
export interface RelatePair<T, K extends RelationKeys<T>> {
  readonly from: NodeKey<T>;
  readonly to: NodeKey<RelationTarget<T, K>>;
  readonly properties?: RelationshipProps<RelationModel<T, K>>;
}

/** One pair of `Model.unrelateMany(field, pairs)`. */
export interface UnrelatePair<T, K extends RelationKeys<T>> {
  readonly from: NodeKey<T>;
  readonly to: NodeKey<RelationTarget<T, K>>;
}
