import { ModelDefinitionError } from '../errors';
import type { UnknownPropertiesPolicy } from '../mapping/write-input';
import type { AnyClass } from '../registry/definitions';
import { pendingFieldsOf } from '../registry/pending-metadata';
import { registry } from '../registry/schema-registry';
import { checkIdentifier, checkPropertyIdentifiers } from './check-identifiers';
import { checkProperties } from './check-properties';

/** Options of {@link Rel}. */
export interface RelOptions {
  /**
   * What `connect` and `replace` do with property keys the model does not declare: `'reject'`
   * (default) throws UnknownPropertyError; `'allow'` ignores them (they are never stored). A call's
   * own `unknownProperties` option wins.
   */
  unknownProperties?: UnknownPropertiesPolicy;
}

/**
 * Marks a class (extending `RelationshipEntity`) as the model of relationship `type`, holding the
 * relationship's own properties. Use it with `@RelationshipTo(..., { model })`.
 */
export function Rel(type: string, options: RelOptions = {}): (target: AnyClass) => void {
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
    checkIdentifier(target.name, 'relationship type', type);
    checkPropertyIdentifiers(target.name, properties);
    registry.registerRelationshipModel({
      name: target.name,
      target,
      type,
      properties,
      unknownProperties: options.unknownProperties,
    });
  };
}
