import { REDACTED } from '../executor/query-log';
import { registry } from '../registry/schema-registry';
import { isPlainObject, REL_KEY } from './filters';
import { QNode } from './q-node';
import { type FieldScope, nodeScope, relationshipScope } from './scopes';

/**
 * A copy of a filter for error messages (`get()`'s DoesNotExistError / MultipleNodesReturnedError)
 * with the values of sensitive properties replaced by `'***'`, at any depth of relation filters.
 */
export function redactFilter(scope: FieldScope, input: unknown): unknown {
  if (input instanceof QNode) {
    return { [input.operator]: input.items.map((item) => redactFilter(scope, item)) };
  }
  if (!isPlainObject(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const relationship = scope.relationships?.get(key);
    if (relationship && (isPlainObject(value) || value instanceof QNode)) {
      const target = nodeScope(registry.node(relationship.target()));
      const redacted = redactFilter(target, value);
      if (isPlainObject(value) && value[REL_KEY] !== undefined && isPlainObject(redacted)) {
        redacted[REL_KEY] = redactFilter(relationshipScope(relationship), value[REL_KEY]);
      }
      out[key] = redacted;
    } else {
      out[key] = scope.field(key)?.ref.sensitive ? REDACTED : value;
    }
  }
  return out;
}
