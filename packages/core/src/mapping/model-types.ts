import type { AnyClass } from '../registry/definitions';

/** A class that can be instantiated without arguments, as every model can. */
export type ModelClass<T> = (new () => T) & AnyClass<T>;

type Fn = (...args: never[]) => unknown;

/**
 * Type-level mark of a relationship field (`RelationshipManager<T, R>` carries it), so layers below
 * the relationships layer (query types, model props) can recognise relationship fields and infer
 * their target and relationship models. No object has this key at run time (the field is only
 * `declare`d); the symbol is a real value so that bundlers (esbuild) can resolve its import.
 */
export const relationshipField: unique symbol = Symbol('cartograph.relationshipField');

/** What a relationship field holds at the type level: its target model `T` and relationship model `R`. */
export interface RelationshipField<T, R> {
  readonly [relationshipField]: { readonly target: T; readonly relationship: R };
}

/**
 * The instance members every node model inherits from `NodeEntity` (model/node-entity.ts checks
 * that the class has no other), which query field lists leave out.
 */
export interface NodeEntityMembers {
  /** The node's element id once saved. */
  readonly elementId: string | undefined;
  /** Whether the node has been saved. */
  readonly isSaved: boolean;
  save(): Promise<this>;
  delete(): Promise<void>;
  refresh(): Promise<this>;
  toJSON(): Record<string, unknown>;
}

/** The data fields of a model: not methods, relationship managers or Cartograph's own members. */
export type PropertyKeys<T> = {
  [K in keyof T]-?: T[K] extends Fn ? never : T[K] extends RelationshipField<infer _A, infer _B> ? never : K;
}[keyof T] &
  string;

/** Field values accepted by `create` and friends. */
export type ModelProps<T> = { [K in PropertyKeys<T>]?: T[K] | null };
