import { ModelDefinitionError } from '../errors';
import type { AnyClass } from '../registry/definitions';
import { pendingFieldsOf } from '../registry/pending-metadata';
import { registry } from '../registry/schema-registry';
import { checkProperties } from './check-properties';

/**
 * Marks a class (extending `RelationshipEntity`) as the model of relationship `type`, holding the
 * relationship's own properties. Use it with `@RelationshipTo(..., { model })`.
 */
export function Rel(type: string): (target: AnyClass) => void {
  return (target) => {
    if (type.trim() === '') throw new ModelDefinitionError(target.name, '@Rel needs a relationship type.');
    const fields = pendingFieldsOf(target.prototype);
    if (fields.relationships.length > 0) {
      throw new ModelDefinitionError(
        target.name,
        'a relationship model cannot declare relationships of its own.',
      );
    }
    const properties = new Map(fields.properties.map((property) => [property.name, property]));
    checkProperties(target.name, properties);
    registry.registerRelationshipModel({ name: target.name, target, type, properties });
  };
}
