import type { PropertyType } from '../properties/property-type';
import type { Cardinality } from './cardinality';

/** Any class, used as a registry key. */
// biome-ignore lint/suspicious/noExplicitAny: constructors of user models take any arguments.
export type AnyClass<T = object> = abstract new (...args: any[]) => T;

/** The kinds of index a property can ask for. */
export type IndexKind = 'range' | 'text' | 'point' | 'fulltext' | 'vector';

/** Options every property decorator accepts. */
export interface PropertyOptions<T = unknown> {
  /** The value must be present (not null/undefined) on save. */
  required?: boolean;
  /** A uniqueness constraint backs this property; implies an index. */
  unique?: boolean;
  /** `true` asks for the type's natural index (range for most, point for points). */
  index?: boolean | IndexKind;
  /** Used when the value is undefined at creation; a function is called per instance. */
  default?: T | (() => T);
  /** Allowed values: a list, or a map from stored value to a human label. */
  choices?: readonly T[] | Readonly<Record<string, string>>;
  /** The name stored in Neo4j when it differs from the field name. */
  dbProperty?: string;
  /** Vector indexes only: the dimensions and similarity function of the index. */
  vector?: { dimensions: number; similarity: 'cosine' | 'euclidean' };
  /** Enterprise only: a property existence constraint (`IS NOT NULL`) backs this property. */
  exists?: boolean;
  /** Enterprise only: a property type constraint (`IS :: <type>`, from the property's type) backs it. */
  typeConstraint?: boolean;
  /**
   * The value is a secret: it is masked (`'***'`) in query log events, in filter parameters bound to
   * it and in error messages. Default: true for names like password, secret, token, apiKey,
   * credential; set `false` to log such a property anyway.
   */
  sensitive?: boolean;
  /** The name of the uniqueness constraint (`unique`), instead of `<label>_<property>_unique`. */
  constraintName?: string;
  /** The name of the index (`index`), instead of `<label>_<property>_<kind>`. */
  indexName?: string;
}

/** One property of a node or relationship model, as the registry keeps it. */
export interface PropertyDefinition {
  /** Field name on the class. */
  readonly name: string;
  /** Property key in Neo4j. */
  readonly dbName: string;
  readonly type: PropertyType;
  readonly required: boolean;
  readonly unique: boolean;
  readonly index: IndexKind | undefined;
  readonly defaultValue: unknown;
  readonly hasDefault: boolean;
  /** Allowed stored values, when restricted. */
  readonly choices: readonly unknown[] | undefined;
  readonly vector: { dimensions: number; similarity: 'cosine' | 'euclidean' } | undefined;
  /** Declared by `@UniqueIdProperty`: generated on create, used as the model's identity key. */
  readonly isIdentity: boolean;
  /** Enterprise only: plan a property existence constraint. */
  readonly exists?: boolean;
  /** Enterprise only: plan a property type constraint from `type.cypherType`. */
  readonly typeConstraint?: boolean;
  /** Masked in logs and error messages (see {@link PropertyOptions.sensitive}). */
  readonly sensitive?: boolean;
  /** The uniqueness constraint's name, when the model gives one. */
  readonly constraintName?: string;
  /** The index's name, when the model gives one. */
  readonly indexName?: string;
}

/** `out` = `(self)-[:TYPE]->(other)`, `in` = `(self)<-[:TYPE]-(other)`, `both` = either way. */
export type RelationshipDirection = 'out' | 'in' | 'both';

/** A relationship field (`@RelationshipTo`, `@RelationshipFrom`, `@Relationship`). */
export interface RelationshipDefinition {
  /** Field name on the class. */
  readonly name: string;
  readonly type: string;
  readonly direction: RelationshipDirection;
  /** Lazy, so models can refer to each other before both are defined. */
  readonly target: () => AnyClass;
  readonly cardinality: Cardinality;
  /** The relationship model class holding the relationship's own properties, if any. */
  readonly model: AnyClass | undefined;
  /** Allow more than one relationship of this type between the same two nodes. */
  readonly allowParallel: boolean;
}

/** A `@Node` class. */
export interface NodeDefinition {
  readonly name: string;
  readonly target: AnyClass;
  /** The class's own label. */
  readonly primaryLabel: string;
  /** Every label a node of this class carries: own, extra, then inherited. */
  readonly labels: readonly string[];
  readonly properties: ReadonlyMap<string, PropertyDefinition>;
  readonly relationships: ReadonlyMap<string, RelationshipDefinition>;
  /** The `@UniqueIdProperty` field, if declared. */
  readonly identity: PropertyDefinition | undefined;
  /** `@AliasProperty` fields: alias name -> the property field it stands for. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Enterprise only: field names of a node key constraint declared by this class (not inherited). */
  readonly nodeKey?: readonly string[];
  /** What writes do with undeclared input keys (`@Node({ unknownProperties })`); default reject. */
  readonly unknownProperties?: 'reject' | 'allow';
}

/** A `@Rel` class: a relationship type with its own properties. */
export interface RelationshipModelDefinition {
  readonly name: string;
  readonly target: AnyClass;
  readonly type: string;
  readonly properties: ReadonlyMap<string, PropertyDefinition>;
  /** What `connect` / `replace` do with undeclared property keys (`@Rel(type, { unknownProperties })`); default reject. */
  readonly unknownProperties?: 'reject' | 'allow';
}
