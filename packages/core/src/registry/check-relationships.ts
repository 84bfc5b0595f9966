import { ModelDefinitionError } from '../errors';
import type { AnyClass, NodeDefinition } from './definitions';

/** What the check needs of the registry. */
export interface ModelLookup {
  findNode(target: AnyClass<unknown>): NodeDefinition | undefined;
  hasRelationshipModel(target: AnyClass<unknown>): boolean;
}

/**
 * Checks what the decorators could not when they ran: relationship targets are lazy (models refer
 * to each other before both are defined), so only once every model module has loaded can each
 * target be resolved. @throws ModelDefinitionError naming the model and field.
 */
export function checkRelationships(definition: NodeDefinition, lookup: ModelLookup): void {
  for (const relationship of definition.relationships.values()) {
    let target: AnyClass<unknown> | undefined;
    try {
      target = relationship.target();
    } catch (error) {
      throw new ModelDefinitionError(
        definition.name,
        `the target of relationship "${relationship.name}" could not be resolved (${(error as Error).message}). Check the import of the target model.`,
      );
    }
    if (typeof target !== 'function' || !lookup.findNode(target)) {
      const named = typeof target === 'function' ? target.name : String(target);
      throw new ModelDefinitionError(
        definition.name,
        `relationship "${relationship.name}" points to ${named}, which is not a @Node model. Decorate it with @Node() and import it before connecting.`,
      );
    }
    if (relationship.model && !lookup.hasRelationshipModel(relationship.model)) {
      throw new ModelDefinitionError(
        definition.name,
        `relationship "${relationship.name}" uses ${relationship.model.name} as its model, which is not decorated with @Rel('TYPE').`,
      );
    }
  }
}
