import { ModelDefinitionError } from '../errors';
import { isForbiddenKey } from '../mapping/write-input';
import type { PropertyDefinition } from '../registry/definitions';

/** Rejects property sets the database could not store unambiguously. */
export function checkProperties(model: string, properties: ReadonlyMap<string, PropertyDefinition>): void {
  const byDbName = new Map<string, string>();
  let identity: string | undefined;
  for (const property of properties.values()) {
    const clash = byDbName.get(property.dbName);
    if (clash) {
      throw new ModelDefinitionError(
        model,
        `"${property.name}" and "${clash}" are both stored as "${property.dbName}". Give one a different dbProperty.`,
      );
    }
    byDbName.set(property.dbName, property.name);
    if (isForbiddenKey(property.name) || isForbiddenKey(property.dbName)) {
      throw new ModelDefinitionError(
        model,
        `"${property.name}" cannot be a property name: __proto__, constructor and prototype are refused in input. Rename the field (dbProperty cannot be one of them either).`,
      );
    }
    if (property.dbName.trim() === '') {
      throw new ModelDefinitionError(model, `"${property.name}" has an empty dbProperty.`);
    }
    if (property.isIdentity) {
      if (identity) {
        throw new ModelDefinitionError(
          model,
          `only one @UniqueIdProperty is allowed, found "${identity}" and "${property.name}".`,
        );
      }
      identity = property.name;
    }
    if (property.hasDefault && property.choices && typeof property.defaultValue !== 'function') {
      if (!property.choices.includes(property.defaultValue)) {
        throw new ModelDefinitionError(model, `the default of "${property.name}" is not one of its choices.`);
      }
    }
  }
}
