import type { DateTime, Integer, LocalDateTime, LocalTime, Date as Neo4jDate, Time } from 'neo4j-driver';
import type {
  NodeEntityMembers as NodeEntity,
  PropertyKeys,
  RelationshipField as RelationshipManager,
} from '../mapping/model-types';
import type { NumberOrInteger } from '../properties/neo4j-number';
import type { RelationshipEntity } from '../relationship-model/relationship-entity';
import type { QNode } from './q-node';

/** Fields of a node model that hold data (properties and annotations), without NodeEntity's own getters. */
export type FieldKeys<T> = Exclude<PropertyKeys<T>, keyof NodeEntity>;

/** Fields of a relationship model that hold data. */
export type RelFieldKeys<R> = Exclude<PropertyKeys<R>, keyof RelationshipEntity>;

/** Relationship fields of a node model (fields typed `RelationshipManager<Target, Rel>`). */
export type RelationKeys<T> = {
  [K in keyof T]-?: T[K] extends RelationshipManager<infer _U, infer _R> ? K : never;
}[keyof T] &
  string;

/** The model at the far end of relationship field `K`. */
export type RelationTarget<T, K> = K extends keyof T
  ? T[K] extends RelationshipManager<infer U, infer _R>
    ? U
    : never
  : never;

/** The relationship model of relationship field `K`. */
export type RelationModel<T, K> = K extends keyof T
  ? T[K] extends RelationshipManager<infer _U, infer R>
    ? R
    : never
  : never;

/** Equality operators, valid for every property type. */
export interface EqualityOperators<V> {
  eq?: V;
  ne?: V;
  in?: readonly V[];
  notIn?: readonly V[];
  /** `true`: the property is absent (null); `false`: it is present. */
  isNull?: boolean;
}

/** Ordering operators, for numbers, temporals, strings and other comparable values. */
export interface ComparisonOperators<V> extends EqualityOperators<V> {
  lt?: V;
  lte?: V;
  gt?: V;
  gte?: V;
}

/** String operators; the `i` variants compare case-insensitively (`toLower` on both sides). */
export interface StringOperators<V extends string = string> extends ComparisonOperators<V> {
  contains?: string;
  iContains?: string;
  startsWith?: string;
  iStartsWith?: string;
  endsWith?: string;
  iEndsWith?: string;
  /** Java regular expression matched against the whole value (`=~`). */
  regex?: string;
  exact?: V;
  iExact?: string;
}

/** List operators: `includes` one item, `includesAny` / `includesAll` of the given items. */
export interface ArrayOperators<E> {
  eq?: readonly E[];
  ne?: readonly E[];
  isNull?: boolean;
  includes?: E;
  includesAny?: readonly E[];
  includesAll?: readonly E[];
}

/**
 * Values with an order the server compares by (the `comparable` kind of `operators.ts`): numbers,
 * bigints and Neo4j integers, `Date` (DATE, DATETIME) and the driver's temporal values
 * (ZONED DATETIME, LOCAL DATETIME, TIME...). Points, durations, booleans and JSON are not: they get
 * equality operators only, in the types and at run time.
 */
export type OrderedValue = number | bigint | Date | Integer | Neo4jTemporal;

type Neo4jTemporal =
  | DateTime<NumberOrInteger>
  | LocalDateTime<NumberOrInteger>
  | Neo4jDate<NumberOrInteger>
  | LocalTime<NumberOrInteger>
  | Time<NumberOrInteger>;

/**
 * The operator object allowed for a property whose TypeScript type is `V`; it follows the value
 * kinds of `operators.ts` (`kindOf`), so an operator that type-checks is one the run-time check
 * accepts: strings -> text and ordering, lists -> membership, ordered values -> ordering, anything
 * else (booleans, points, durations, JSON) -> equality.
 */
export type OperatorsFor<V> = [NonNullable<V>] extends [string]
  ? StringOperators<NonNullable<V>>
  : [NonNullable<V>] extends [readonly (infer E)[]]
    ? ArrayOperators<E>
    : [NonNullable<V>] extends [OrderedValue]
      ? ComparisonOperators<NonNullable<V>>
      : EqualityOperators<NonNullable<V>>;

/** A plain value (equality), `null` (is null) or an operator object. */
export type FieldFilter<V> = NonNullable<V> | null | OperatorsFor<V>;

/**
 * Filters on a relationship model's properties. A set reached through no relationship (`R` is
 * `unknown`) has none: `match({ anything: 1 })` does not compile there.
 */
export type RelFilter<R> = unknown extends R
  ? Readonly<Record<string, never>>
  : { [K in RelFieldKeys<R>]?: FieldFilter<R[K]> };

/**
 * What a relationship field accepts in a filter: `true` (has at least one), `false` (has none),
 * a target instance (is connected to it), a `Q` expression or filter on the target, optionally with
 * `$rel` filters on the relationship's own properties.
 */
export type RelationFilter<U, R> = boolean | U | QNode<U> | (Filter<U> & { $rel?: RelFilter<R> });

/** A filter object on model `T`: keys are its properties, relationship fields and `elementId`. */
export type Filter<T> = { [K in FieldKeys<T>]?: FieldFilter<T[K]> } & {
  [K in RelationKeys<T>]?: RelationFilter<RelationTarget<T, K>, RelationModel<T, K>>;
} & { elementId?: FieldFilter<string> };

/** A filter object or a `Q` expression. */
export type FilterInput<T> = Filter<T> | QNode<T>;

type Depth = [never, 0, 1, 2];

/** Relationship paths from `T`: `'friends'`, `'friends.employer'`, ... (up to three hops). */
export type RelationPath<T, D extends number = 3> = [D] extends [never]
  ? never
  : { [K in RelationKeys<T>]: K | `${K}.${RelationPath<RelationTarget<T, K>, Depth[D]>}` }[RelationKeys<T>];

/** Property paths through relationships: `'employer.name'`, `'friends.employer.name'` (up to two hops). */
export type RelatedFieldPath<T, D extends number = 2> = [D] extends [never]
  ? never
  : {
      [K in RelationKeys<T>]:
        | `${K}.${FieldKeys<RelationTarget<T, K>>}`
        | `${K}.${RelatedFieldPath<RelationTarget<T, K>, Depth[D]>}`;
    }[RelationKeys<T>];

/** A sort key: a property (or related property), prefixed with `-` for descending order. */
export type OrderKey<T> = FieldKeys<T> | RelatedFieldPath<T> | `-${FieldKeys<T> | RelatedFieldPath<T>}`;

/** The value at a property path. */
export type PathValue<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? PathValue<RelationTarget<T, K>, Rest>
  : P extends keyof T
    ? T[P]
    : never;

/** The model at the end of a relationship path. */
export type PathTarget<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? PathTarget<RelationTarget<T, K>, Rest>
  : RelationTarget<T, P>;
