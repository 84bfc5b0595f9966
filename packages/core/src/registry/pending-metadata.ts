import type { PropertyDefinition, RelationshipDefinition } from './definitions';
import { sharedStore } from './shared-store';

/**
 * Field decorators run before the class decorator, so they park their facts here, keyed by the
 * class prototype, until `@Node` / `@Rel` turns them into one definition.
 */
interface PendingFields {
  properties: PropertyDefinition[];
  relationships: RelationshipDefinition[];
  /** alias field -> property field */
  aliases: Map<string, string>;
}

const pending = sharedStore('pendingFields', () => new WeakMap<object, PendingFields>());

export function pendingFieldsOf(prototype: object): PendingFields {
  let fields = pending.get(prototype);
  if (!fields) {
    fields = { properties: [], relationships: [], aliases: new Map() };
    pending.set(prototype, fields);
  }
  return fields;
}
