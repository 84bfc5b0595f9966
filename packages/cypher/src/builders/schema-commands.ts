import type {
  ConstraintKind,
  CreateConstraint,
  CreateIndex,
  DropConstraint,
  DropIndex,
  IndexOptions,
  IndexType,
  SchemaEntity,
  ShowConstraints,
  ShowIndexes,
} from '../ast/schema-commands';
import { assertSchemaName } from '../validation/names';
import { assertConstraint, assertIndex } from '../validation/schema-commands';
import { checkedNames } from './common';

/** Options of {@link createConstraint}. */
export interface CreateConstraintOptions {
  name: string;
  entity: SchemaEntity;
  /** Node label, or relationship type when `entity` is `'relationship'`. */
  label: string;
  properties: readonly string[];
  kind: ConstraintKind;
  /** Required for `propertyType`: e.g. `STRING`, `INTEGER`, `LIST<STRING NOT NULL>`, `INTEGER | FLOAT`. */
  propertyType?: string;
  ifNotExists?: boolean;
}

/**
 * `CREATE CONSTRAINT name [IF NOT EXISTS] FOR ... REQUIRE ...` in Neo4j 5 syntax.
 * @throws InvalidIdentifierError, InvalidQueryError for combinations Neo4j would reject.
 */
export function createConstraint(options: CreateConstraintOptions): CreateConstraint {
  const result: CreateConstraint = {
    kind: 'CreateConstraint',
    name: options.name,
    entity: options.entity,
    label: options.label,
    properties: checkedNames(options.properties),
    constraint: options.kind,
    propertyType: options.propertyType,
    ifNotExists: options.ifNotExists === true,
  };
  assertConstraint(result);
  return Object.freeze(result);
}

/** `DROP CONSTRAINT name [IF EXISTS]`. @throws InvalidIdentifierError */
export function dropConstraint(name: string, options: { ifExists?: boolean } = {}): DropConstraint {
  assertSchemaName(name);
  return Object.freeze({ kind: 'DropConstraint', name, ifExists: options.ifExists === true });
}

/** Options of {@link createIndex}. */
export interface CreateIndexOptions {
  name: string;
  entity: SchemaEntity;
  /** Label or relationship type; several only for fulltext indexes. */
  label: string | readonly string[];
  properties: readonly string[];
  type: IndexType;
  /** Vector indexes only. */
  options?: IndexOptions;
  ifNotExists?: boolean;
}

/** `CREATE [TEXT|POINT|FULLTEXT|VECTOR] INDEX name [IF NOT EXISTS] FOR ... ON ...` */
export function createIndex(options: CreateIndexOptions): CreateIndex {
  const labels: readonly string[] = typeof options.label === 'string' ? [options.label] : options.label;
  const result: CreateIndex = {
    kind: 'CreateIndex',
    name: options.name,
    entity: options.entity,
    labels: checkedNames(labels),
    properties: checkedNames(options.properties),
    type: options.type,
    options: options.options === undefined ? undefined : Object.freeze({ ...options.options }),
    ifNotExists: options.ifNotExists === true,
  };
  assertIndex(result);
  return Object.freeze(result);
}

/** `DROP INDEX name [IF EXISTS]`. @throws InvalidIdentifierError */
export function dropIndex(name: string, options: { ifExists?: boolean } = {}): DropIndex {
  assertSchemaName(name);
  return Object.freeze({ kind: 'DropIndex', name, ifExists: options.ifExists === true });
}

const SHOW_CONSTRAINTS: ShowConstraints = Object.freeze({ kind: 'ShowConstraints' });
const SHOW_INDEXES: ShowIndexes = Object.freeze({ kind: 'ShowIndexes' });

/** `SHOW CONSTRAINTS YIELD *` */
export function showConstraints(): ShowConstraints {
  return SHOW_CONSTRAINTS;
}

/** `SHOW INDEXES YIELD *` */
export function showIndexes(): ShowIndexes {
  return SHOW_INDEXES;
}
