import type { AnyClass, RelationshipDefinition } from '../registry/definitions';
import { RelationshipManager } from './relationship-manager';

const managers = new WeakMap<object, Map<string, RelationshipManager>>();

/**
 * Gives each relationship field a getter that returns that instance's manager, created on first
 * use, so `alice.friends` is always the same object.
 */
export function installRelationshipAccessors(
  target: AnyClass,
  relationships: readonly RelationshipDefinition[],
): void {
  for (const definition of relationships) {
    Object.defineProperty(target.prototype, definition.name, {
      configurable: true,
      enumerable: false,
      get(this: object) {
        let byField = managers.get(this);
        if (!byField) {
          byField = new Map();
          managers.set(this, byField);
        }
        let manager = byField.get(definition.name);
        if (!manager) {
          manager = new RelationshipManager(this as never, definition);
          byField.set(definition.name, manager);
        }
        return manager;
      },
    });
  }
}
