import { UnknownPropertyError } from '../errors/filter-errors';
import { keyScope } from '../query/plugins/hooks';
import type { AnyClass, NodeDefinition, RelationshipDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import type { KeyProperty } from './bulk-keys';
import { type BulkQueries, buildBulkQueries, type CountsNeeded } from './bulk-queries';
import { buildPairQueries, type PairQueries, type ReverseSide } from './pair-queries';
import { findReverseSide } from './reverse-side';

/** A relationship field as bulk writes see it: both models, the reverse side, cached queries. */
export interface BulkField {
  readonly owner: NodeDefinition;
  readonly definition: RelationshipDefinition;
  readonly target: NodeDefinition;
  readonly reverse: ReverseSide | undefined;
  /** The single-pair queries of the relationship manager (for `relate`). */
  readonly pairQueries: PairQueries;
  queries(from: KeyProperty, to: KeyProperty, counts: CountsNeeded): BulkQueries;
}

const fields = new WeakMap<NodeDefinition, Map<string, BulkField>>();

/**
 * The field `name` of `model`, resolved once.
 * @throws UnknownPropertyError when the model has no such relationship field
 */
export function bulkField(model: AnyClass, name: string): BulkField {
  const owner = registry.node(model);
  const definition = owner.relationships.get(name);
  if (!definition) {
    throw new UnknownPropertyError(owner.name, name, [...owner.relationships.keys()], 'relationship');
  }
  let byName = fields.get(owner);
  if (!byName) {
    byName = new Map();
    fields.set(owner, byName);
  }
  let field = byName.get(name);
  if (!field) {
    const target = registry.node(definition.target());
    const reverse = findReverseSide(owner, definition, target);
    const rendered = new Map<string, BulkQueries>();
    field = {
      owner,
      definition,
      target,
      reverse,
      pairQueries: buildPairQueries(definition, target.primaryLabel, reverse),
      queries(from, to, counts) {
        const scope = {
          from: Object.keys(keyScope(from.definition)),
          to: Object.keys(keyScope(to.definition)),
        };
        const id = `${from.property.dbName}\u0000${to.property.dbName}\u0000${counts.owner}\u0000${counts.target}\u0000${scope.from.join(',')}\u0000${scope.to.join(',')}`;
        let queries = rendered.get(id);
        if (!queries) {
          queries = buildBulkQueries(definition, from, to, target.primaryLabel, reverse, counts, scope);
          rendered.set(id, queries);
        }
        return queries;
      },
    };
    byName.set(name, field);
  }
  return field;
}
