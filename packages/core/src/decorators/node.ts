import { ModelDefinitionError } from '../errors';
import type { UnknownPropertiesPolicy } from '../mapping/write-input';
import type {
  AnyClass,
  NodeDefinition,
  PropertyDefinition,
  RelationshipDefinition,
} from '../registry/definitions';
import { pendingFieldsOf } from '../registry/pending-metadata';
import { registry } from '../registry/schema-registry';
import { installRelationshipAccessors } from '../relationships/relationship-accessors';
import { checkIdentifier, checkPropertyIdentifiers } from './check-identifiers';
import { checkProperties } from './check-properties';

/** Options of `@Node`. */
export interface NodeOptions {
  /** The class's own label; default the class name. */
  label?: string;
  /** All of the class's own labels; the first is the primary label unless `label` is given. */
  labels?: string[];
  /** Enterprise only: field names forming a node key constraint (existence plus uniqueness). */
  nodeKey?: string[];
  /**
   * What `create`, `createMany`, `getOrCreate`, `createOrUpdate` and `merge` do with input keys the
   * model does not declare: `'reject'` (default) throws UnknownPropertyError; `'allow'` keeps them
   * as unsaved fields on the instance. A call's own `unknownProperties` option wins.
   */
  unknownProperties?: UnknownPropertiesPolicy;
}

/**
 * Marks a class (extending `NodeEntity`) as a node model. Labels default to the class name;
 * a subclass of another `@Node` class also carries its parent's labels, properties and
 * relationships.
 */
export function Node(options: NodeOptions = {}): (target: AnyClass) => void {
  return (target) => {
    const parent = registry.findNode(Object.getPrototypeOf(target) as AnyClass);
    const primaryLabel = options.label ?? options.labels?.[0] ?? target.name;
    const ownLabels = unique([primaryLabel, ...(options.labels ?? [])]);
    for (const label of ownLabels) {
      if (label.trim() === '') throw new ModelDefinitionError(target.name, 'a label cannot be empty.');
    }
    const fields = pendingFieldsOf(target.prototype);
    const properties = mergeByName(parent?.properties, fields.properties);
    const relationships = mergeByName(parent?.relationships, fields.relationships);
    checkProperties(target.name, properties);
    for (const label of ownLabels) checkIdentifier(target.name, 'label', label);
    checkPropertyIdentifiers(target.name, properties);
    for (const relationship of relationships.values()) {
      if (properties.has(relationship.name)) {
        throw new ModelDefinitionError(
          target.name,
          `"${relationship.name}" is declared as both a property and a relationship.`,
        );
      }
      if (relationship.type.trim() === '') {
        throw new ModelDefinitionError(
          target.name,
          `relationship "${relationship.name}" needs a non-empty type.`,
        );
      }
      checkIdentifier(target.name, `relationship "${relationship.name}" has type`, relationship.type);
    }
    const definition: NodeDefinition = {
      name: target.name,
      target,
      primaryLabel,
      labels: unique([...ownLabels, ...(parent?.labels ?? [])]),
      properties,
      relationships,
      identity: [...properties.values()].find((property) => property.isIdentity),
      aliases: new Map([...(parent?.aliases ?? []), ...fields.aliases]),
      nodeKey: options.nodeKey,
      unknownProperties: options.unknownProperties ?? parent?.unknownProperties,
    };
    for (const field of options.nodeKey ?? []) {
      if (!properties.has(field)) {
        throw new ModelDefinitionError(target.name, `nodeKey names "${field}", which is not a property.`);
      }
    }
    for (const [alias, field] of definition.aliases) {
      if (!properties.has(field)) {
        throw new ModelDefinitionError(
          target.name,
          `alias "${alias}" points to "${field}", which is not a property.`,
        );
      }
    }
    registry.registerNode(definition);
    installRelationshipAccessors(target, fields.relationships);
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function mergeByName<T extends PropertyDefinition | RelationshipDefinition>(
  inherited: ReadonlyMap<string, T> | undefined,
  own: readonly T[],
): Map<string, T> {
  const merged = new Map(inherited);
  for (const item of own) merged.set(item.name, item);
  return merged;
}
