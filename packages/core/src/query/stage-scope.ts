import type { PropertyType } from '../properties/property-type';
import type { RelationshipDefinition } from '../registry/definitions';
import { annotationType } from './annotation-plan';
import { type FieldScope, nodeScope, relationshipScope } from './scopes';
import type { Stage } from './state';

/**
 * The names a filter on `stage` may use: the model's fields and relationships plus the stage's
 * annotations, or, given `via`, the properties of the relationship leading to the stage.
 */
export function stageScope(stage: Stage, via?: RelationshipDefinition): FieldScope {
  if (via) return relationshipScope(via);
  if (stage.annotations.length === 0) return nodeScope(stage.definition);
  const annotations = new Map<string, PropertyType>(
    stage.annotations.map((plan) => [plan.name, annotationType(plan)]),
  );
  return nodeScope(stage.definition, annotations);
}
