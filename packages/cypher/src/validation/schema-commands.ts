import type {
  ConstraintKind,
  CreateConstraint,
  CreateIndex,
  IndexType,
  SchemaEntity,
} from '../ast/schema-commands';
import { InvalidQueryError } from '../errors';
import { escapeIdentifier } from '../render/identifier';
import { assertInteger, assertSchemaName } from './names';
import { normalizePropertyType } from './property-types';

// Schema commands are checked in full by both the factories and the renderer: they run rarely,
// and several of their parts (types, options) are written into the query text verbatim.

const CONSTRAINT_KINDS: readonly ConstraintKind[] = [
  'unique',
  'nodeKey',
  'exists',
  'propertyType',
  'relationshipKey',
];

/** Rejects constraints Neo4j would refuse, with a message naming the rule. */
export function assertConstraint(command: CreateConstraint): void {
  assertSchemaName(command.name);
  assertEntity(command.entity);
  escapeIdentifier(command.label);
  const { constraint, properties } = command;
  if (!CONSTRAINT_KINDS.includes(constraint)) {
    throw new InvalidQueryError(`Unknown constraint kind ${String(constraint)}`);
  }
  if (properties.length === 0) throw new InvalidQueryError('A constraint needs at least one property');
  if (constraint === 'nodeKey' && command.entity !== 'node') {
    throw new InvalidQueryError('A node key constraint applies to nodes only');
  }
  if (constraint === 'relationshipKey' && command.entity !== 'relationship') {
    throw new InvalidQueryError('A relationship key constraint applies to relationships only');
  }
  if ((constraint === 'exists' || constraint === 'propertyType') && properties.length !== 1) {
    throw new InvalidQueryError(`A ${constraint} constraint takes exactly one property`);
  }
  if (constraint === 'propertyType') {
    if (command.propertyType === undefined)
      throw new InvalidQueryError('A propertyType constraint needs propertyType');
    normalizePropertyType(command.propertyType);
  } else if (command.propertyType !== undefined) {
    throw new InvalidQueryError(`propertyType is only valid for propertyType constraints, not ${constraint}`);
  }
}

const INDEX_TYPES: readonly IndexType[] = ['range', 'text', 'point', 'fulltext', 'vector'];

/** Rejects indexes Neo4j would refuse, with a message naming the rule. */
export function assertIndex(command: CreateIndex): void {
  assertSchemaName(command.name);
  assertEntity(command.entity);
  const { type, labels, properties } = command;
  if (!INDEX_TYPES.includes(type)) throw new InvalidQueryError(`Unknown index type ${String(type)}`);
  if (labels.length === 0 || (labels.length > 1 && type !== 'fulltext')) {
    throw new InvalidQueryError(
      `A ${type} index needs exactly one label or type (several only for fulltext)`,
    );
  }
  if (properties.length === 0) throw new InvalidQueryError('An index needs at least one property');
  if (properties.length > 1 && type !== 'range' && type !== 'fulltext') {
    throw new InvalidQueryError(`A ${type} index covers exactly one property`);
  }
  const { options } = command;
  if (options === undefined) return;
  if (type !== 'vector') throw new InvalidQueryError('Index options are only supported for vector indexes');
  if (options.dimensions !== undefined) assertInteger(options.dimensions, 1, 'Vector dimensions');
  const { similarity } = options;
  if (similarity !== undefined && similarity !== 'cosine' && similarity !== 'euclidean') {
    throw new InvalidQueryError(
      `Vector similarity must be 'cosine' or 'euclidean', got ${String(similarity)}`,
    );
  }
}

function assertEntity(entity: SchemaEntity): void {
  if (entity !== 'node' && entity !== 'relationship') {
    throw new InvalidQueryError(`Schema entity must be 'node' or 'relationship', got ${String(entity)}`);
  }
}
