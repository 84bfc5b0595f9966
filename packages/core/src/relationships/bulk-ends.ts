import { render } from '@cartograph/cypher';
import { UnknownPropertyError } from '../errors/filter-errors';
import type { KeyedConditions } from '../query/plugins/keyed-conditions';
import type { AnyClass, NodeDefinition, RelationshipDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import type { KeyProperty } from './bulk-keys';
import { type BulkQueries, buildBulkQueries, type CountsNeeded } from './bulk-queries';
import { keyedMergeQuery, keyedRelateQuery } from './keyed-relate-query';
import { pairWrites, type ReverseSide } from './pair-writes';
import { findReverseSide } from './reverse-side';

/** A relationship field as writes by key see it: both models, the reverse side, cached queries. */
export interface BulkField {
  readonly owner: NodeDefinition;
  readonly definition: RelationshipDefinition;
  readonly target: NodeDefinition;
  readonly reverse: ReverseSide | undefined;
  /** The statements of `relateMany` / `unrelateMany`, for these key properties and plugin conditions. */
  queries(from: KeyProperty, to: KeyProperty, counts: CountsNeeded, conditions: KeyedConditions): BulkQueries;
  /**
   * The one statement of `relate`: `keyedMergeQuery` when `merges` (no bound to check, no parallel
   * relationships wanted), else `keyedRelateQuery`.
   */
  relateQuery(from: KeyProperty, to: KeyProperty, conditions: KeyedConditions, merges: boolean): string;
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
    field = resolve(owner, definition);
    byName.set(name, field);
  }
  return field;
}

function resolve(owner: NodeDefinition, definition: RelationshipDefinition): BulkField {
  const target = registry.node(definition.target());
  const reverse = findReverseSide(owner, definition, target);
  // Rendered once per key properties, counts and shape of the plugins' conditions.
  const bulk = new Map<string, BulkQueries>();
  const relate = new Map<string, string>();
  let writes: ReturnType<typeof pairWrites> | undefined;
  return {
    owner,
    definition,
    target,
    reverse,
    queries(from, to, counts, conditions) {
      const id = `${from.property.dbName}\u0000${to.property.dbName}\u0000${counts.owner}\u0000${counts.target}\u0000${conditions.shape}`;
      let queries = bulk.get(id);
      if (!queries) {
        queries = buildBulkQueries(definition, from, to, target.primaryLabel, reverse, counts, conditions);
        bulk.set(id, queries);
      }
      return queries;
    },
    relateQuery(from, to, conditions, merges) {
      const id = `${from.property.dbName}\u0000${to.property.dbName}\u0000${conditions.shape}\u0000${merges}`;
      let cypher = relate.get(id);
      if (cypher === undefined) {
        if (merges) {
          cypher = render(keyedMergeQuery(definition, from, to, conditions)).cypher;
        } else {
          writes ??= pairWrites(definition, target.primaryLabel, reverse);
          cypher = render(keyedRelateQuery(writes, from, to, conditions)).cypher;
        }
        relate.set(id, cypher);
      }
      return cypher;
    },
  };
}
