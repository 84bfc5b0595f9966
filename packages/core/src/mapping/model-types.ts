import type { AnyClass } from '../registry/definitions';
import type { RelationshipManager } from '../relationships/relationship-manager';

/** A class that can be instantiated without arguments, as every model can. */
export type ModelClass<T> = (new () => T) & AnyClass<T>;

type Fn = (...args: never[]) => unknown;

/** The data fields of a model: not methods, relationship managers or Cartograph's own members. */
export type PropertyKeys<T> = {
  [K in keyof T]-?: T[K] extends Fn
    ? never
    : T[K] extends RelationshipManager<infer _A, infer _B>
      ? never
      : K;
}[keyof T] &
  string;

/** Field values accepted by `create` and friends. */
export type ModelProps<T> = { [K in PropertyKeys<T>]?: T[K] | null };
