import { type Cardinality, ZeroOrMore } from '../registry/cardinality';
import type { AnyClass, RelationshipDirection } from '../registry/definitions';
import { pendingFieldsOf } from '../registry/pending-metadata';
import type { PropertyDecorator } from './property-decorator';

/** Options of the relationship decorators. */
export interface RelationshipOptions {
  /** How many of these relationships a node may have; default ZeroOrMore. */
  cardinality?: Cardinality;
  /** A `@Rel` class for the relationship's own properties. */
  model?: AnyClass;
  /** Allow several relationships of this type between the same two nodes; default false. */
  allowParallel?: boolean;
}

function relationshipDecorator(
  direction: RelationshipDirection,
  target: () => AnyClass,
  type: string,
  options: RelationshipOptions,
): PropertyDecorator {
  return (prototype, field) => {
    pendingFieldsOf(prototype).relationships.push({
      name: field,
      type,
      direction,
      target,
      cardinality: options.cardinality ?? ZeroOrMore,
      model: options.model,
      allowParallel: options.allowParallel ?? false,
    });
  };
}

/** An outgoing relationship: `(this)-[:TYPE]->(target)`. The target is lazy so models can form cycles. */
export function RelationshipTo(
  target: () => AnyClass,
  type: string,
  options: RelationshipOptions = {},
): PropertyDecorator {
  return relationshipDecorator('out', target, type, options);
}

/** An incoming relationship: `(this)<-[:TYPE]-(target)`. */
export function RelationshipFrom(
  target: () => AnyClass,
  type: string,
  options: RelationshipOptions = {},
): PropertyDecorator {
  return relationshipDecorator('in', target, type, options);
}

/** A relationship matched in either direction; `connect` creates it outgoing. */
export function Relationship(
  target: () => AnyClass,
  type: string,
  options: RelationshipOptions = {},
): PropertyDecorator {
  return relationshipDecorator('both', target, type, options);
}
