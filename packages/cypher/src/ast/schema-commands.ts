/** Whether a schema object applies to nodes (by label) or relationships (by type). */
export type SchemaEntity = 'node' | 'relationship';

export type ConstraintKind = 'unique' | 'nodeKey' | 'exists' | 'propertyType' | 'relationshipKey';

/**
 * `CREATE CONSTRAINT name [IF NOT EXISTS] FOR (n:Label) REQUIRE ...`.
 * `constraint` holds what the factory option calls `kind` (which names the node type here).
 */
export interface CreateConstraint {
  readonly kind: 'CreateConstraint';
  readonly name: string;
  readonly entity: SchemaEntity;
  readonly label: string;
  readonly properties: readonly string[];
  readonly constraint: ConstraintKind;
  readonly propertyType?: string;
  readonly ifNotExists: boolean;
}

export interface DropConstraint {
  readonly kind: 'DropConstraint';
  readonly name: string;
  readonly ifExists: boolean;
}

export type IndexType = 'range' | 'text' | 'point' | 'fulltext' | 'vector';

export type VectorSimilarity = 'cosine' | 'euclidean';

export interface IndexOptions {
  readonly dimensions?: number;
  readonly similarity?: VectorSimilarity;
}

/** `CREATE [TEXT|POINT|FULLTEXT|VECTOR] INDEX name [IF NOT EXISTS] FOR ... ON ...` */
export interface CreateIndex {
  readonly kind: 'CreateIndex';
  readonly name: string;
  readonly entity: SchemaEntity;
  /** One label or type, or several for fulltext indexes (`(n:A|B)`). */
  readonly labels: readonly string[];
  readonly properties: readonly string[];
  readonly type: IndexType;
  readonly options?: IndexOptions;
  readonly ifNotExists: boolean;
}

export interface DropIndex {
  readonly kind: 'DropIndex';
  readonly name: string;
  readonly ifExists: boolean;
}

export interface ShowConstraints {
  readonly kind: 'ShowConstraints';
}

export interface ShowIndexes {
  readonly kind: 'ShowIndexes';
}

/** Every schema command node; rendered by the same `render` as queries. */
export type SchemaCommand =
  | CreateConstraint
  | DropConstraint
  | CreateIndex
  | DropIndex
  | ShowConstraints
  | ShowIndexes;
