import { isValidIdentifier } from '@cartograph/cypher';
import { ModelDefinitionError } from '../errors';
import type { PropertyDefinition } from '../registry/definitions';

/**
 * Refuses, when the class is decorated, a label, relationship type or stored property name that
 * Cypher cannot carry (empty, NUL, a backslash followed by "u"...), instead of at the first query.
 */
export function checkIdentifier(model: string, what: string, name: string): void {
  if (typeof name === 'string' && name.trim() !== '' && isValidIdentifier(name)) return;
  throw new ModelDefinitionError(
    model,
    `${what} ${JSON.stringify(name)} cannot be written in Cypher (it is empty, or contains a NUL character or a backslash followed by "u"). Choose another name.`,
  );
}

/** {@link checkIdentifier} for every stored property name. */
export function checkPropertyIdentifiers(
  model: string,
  properties: ReadonlyMap<string, PropertyDefinition>,
): void {
  for (const property of properties.values()) {
    checkIdentifier(model, `property "${property.name}" is stored as`, property.dbName);
  }
}
