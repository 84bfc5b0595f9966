import { InvalidFilterError, UnknownPropertyError } from '../errors/filter-errors';
import type { NodeDefinition, RelationshipDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import type { Hop } from './plan';
import { nodeScope, type ResolvedField } from './scopes';

/** A chain of relationships from a model: `friends.employer`. */
export interface RelationPathPlan {
  readonly hops: readonly Hop[];
  readonly relationships: readonly RelationshipDefinition[];
  /** The model at the end of the path. */
  readonly target: NodeDefinition;
}

/** `Hop` for one relationship field. */
export function hopOf(relationship: RelationshipDefinition): { hop: Hop; target: NodeDefinition } {
  const target = registry.node(relationship.target());
  return {
    hop: { type: relationship.type, direction: relationship.direction, labels: target.labels, target },
    target,
  };
}

/** Resolves `friends.employer` from `definition`. @throws UnknownPropertyError, InvalidFilterError */
export function resolveRelationPath(definition: NodeDefinition, path: string): RelationPathPlan {
  if (typeof path !== 'string' || path === '') {
    throw new InvalidFilterError(
      `A relationship path must be a non-empty string such as 'friends.employer'.`,
    );
  }
  const hops: Hop[] = [];
  const relationships: RelationshipDefinition[] = [];
  let current = definition;
  for (const name of path.split('.')) {
    const relationship = current.relationships.get(name);
    if (!relationship)
      throw new UnknownPropertyError(current.name, name, [...current.relationships.keys()], 'relationship');
    const { hop, target } = hopOf(relationship);
    hops.push(hop);
    relationships.push(relationship);
    current = target;
  }
  return { hops, relationships, target: current };
}

/** A property reached through zero or more relationships: `name`, `employer.name`. */
export interface FieldPathPlan {
  readonly hops: readonly Hop[];
  readonly field: ResolvedField;
}

/** Resolves `employer.name` (or a plain field, annotations included) from `definition`. */
export function resolveFieldPath(
  definition: NodeDefinition,
  path: string,
  lookup: (name: string) => ResolvedField | undefined,
  known: () => string[],
): FieldPathPlan {
  if (typeof path !== 'string' || path === '') {
    throw new InvalidFilterError(
      `A field path must be a non-empty string such as 'name' or 'employer.name'.`,
    );
  }
  const dot = path.lastIndexOf('.');
  if (dot < 0) {
    const field = lookup(path);
    if (!field) throw new UnknownPropertyError(definition.name, path, known(), 'field');
    return { hops: [], field };
  }
  const relations = resolveRelationPath(definition, path.slice(0, dot));
  const name = path.slice(dot + 1);
  const scope = nodeScope(relations.target);
  const field = scope.field(name);
  if (!field || field.on === 'id') {
    const properties = [...relations.target.properties.keys()];
    throw new UnknownPropertyError(relations.target.name, name, properties, 'property');
  }
  return { hops: relations.hops, field };
}
