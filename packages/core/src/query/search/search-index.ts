import { UnknownPropertyError } from '../../errors/filter-errors';
import { MissingSearchIndexError } from '../../errors/search-errors';
import type { PropertyDefinition } from '../../registry/definitions';
import { registry } from '../../registry/schema-registry';
import { type PlannedIndex, planSchema } from '../../schema/schema-plan';

/** The kinds of index a search reads. */
export type SearchIndexKind = 'vector' | 'fulltext';

/** A searchable property and the index the schema plan gives it. */
export interface SearchTarget {
  readonly property: PropertyDefinition;
  readonly index: PlannedIndex;
}

/** A node model, or a relationship model (`entity: 'relationship'`, `labels: [type]`). */
export interface SearchOwner {
  readonly name: string;
  readonly properties: ReadonlyMap<string, PropertyDefinition>;
  readonly aliases?: ReadonlyMap<string, string>;
  /** Node labels, or the relationship type. */
  readonly labels: readonly string[];
  readonly entity?: 'node' | 'relationship';
}

const cache = new WeakMap<ReadonlyMap<string, PropertyDefinition>, Map<string, SearchTarget>>();

/**
 * The index `field` is searched through, taken from the schema plan (the same plan that
 * `graph.installSchema()` and the schema tooling create), so the name always matches the index
 * in the database. A property inherited from a parent model uses the parent label's index.
 * @throws UnknownPropertyError for an undeclared field, MissingSearchIndexError when the property
 * has no index of `kind`.
 */
export function searchTarget(definition: SearchOwner, field: string, kind: SearchIndexKind): SearchTarget {
  const key = `${kind}:${field}`;
  const entity = definition.entity ?? 'node';
  let known = cache.get(definition.properties);
  const hit = known?.get(key);
  if (hit) return hit;
  const property = definition.properties.get(definition.aliases?.get(field) ?? field);
  if (!property) throw new UnknownPropertyError(definition.name, field, [...definition.properties.keys()]);
  if (property.index !== kind || (kind === 'vector' && property.vector === undefined))
    throw new MissingSearchIndexError(definition.name, field, kind, hintFor(kind));
  const index = planSchema(registry.nodes(), registry.relationshipModels()).find(
    (item): item is PlannedIndex =>
      item.kind === 'index' &&
      item.entity === entity &&
      item.type === kind &&
      item.properties.length === 1 &&
      item.properties[0] === property.dbName &&
      definition.labels.includes(item.label),
  );
  if (!index) throw new MissingSearchIndexError(definition.name, field, kind, hintFor(kind));
  const target = Object.freeze({ property, index });
  if (!known) {
    known = new Map();
    cache.set(definition.properties, known);
  }
  known.set(key, target);
  return target;
}

function hintFor(kind: SearchIndexKind): string {
  return kind === 'vector'
    ? "Declare it with @VectorProperty({ dimensions, similarity }) (or index: 'vector' with vector: { dimensions, similarity })."
    : "Declare it with index: 'fulltext', e.g. @StringProperty({ index: 'fulltext' }).";
}
