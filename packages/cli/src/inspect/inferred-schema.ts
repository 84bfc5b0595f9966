import type { PropertyMapping } from './type-mapping';

/** One property of a generated class. */
export interface InferredProperty {
  /** The key in Neo4j. */
  readonly key: string;
  /** The field name in TypeScript (differs from `key` when the key is not a safe identifier). */
  readonly field: string;
  readonly neo4jTypes: readonly string[];
  /** `undefined`: Cartograph has no property type for it, so the field is left out (with a comment). */
  readonly mapping: PropertyMapping | undefined;
  readonly required: boolean;
  readonly unique: boolean;
  /** `true` for the type's natural index, or a named kind such as `text`. */
  readonly index: boolean | string;
  /** Known only from a constraint or index: no node has the property yet, so its type is assumed. */
  readonly schemaOnly?: boolean;
  /** The uniqueness constraint's name in the database, when it is not the name Cartograph would plan. */
  readonly constraintName?: string;
  /** The index's name in the database, when it is not the name Cartograph would plan. */
  readonly indexName?: string;
}

/** A relationship field of a generated node class. */
export interface InferredRelationship {
  readonly field: string;
  readonly type: string;
  readonly direction: 'out' | 'in';
  /** Class name of the node at the other end. */
  readonly target: string;
  /** Class name of the relationship model, when the type has properties. */
  readonly model: string | undefined;
}

/** A generated `@Node` class. */
export interface InferredNode {
  readonly label: string;
  readonly className: string;
  readonly fileName: string;
  readonly properties: readonly InferredProperty[];
  readonly relationships: readonly InferredRelationship[];
}

/** A generated `@Rel` class (a relationship type with properties). */
export interface InferredRelationshipModel {
  readonly type: string;
  readonly className: string;
  readonly fileName: string;
  readonly properties: readonly InferredProperty[];
}

/** The models `inspect` will write. */
export interface InferredSchema {
  readonly nodes: readonly InferredNode[];
  readonly relationshipModels: readonly InferredRelationshipModel[];
}
