/** Constraint types as Neo4j 5 reports them in `SHOW CONSTRAINTS`. */
export type ConstraintType =
  | 'UNIQUENESS'
  | 'RELATIONSHIP_UNIQUENESS'
  | 'NODE_KEY'
  | 'RELATIONSHIP_KEY'
  | 'NODE_PROPERTY_EXISTENCE'
  | 'RELATIONSHIP_PROPERTY_EXISTENCE'
  | 'NODE_PROPERTY_TYPE'
  | 'RELATIONSHIP_PROPERTY_TYPE';

/** Index types as Neo4j 5 reports them in `SHOW INDEXES` (LOOKUP indexes are never listed). */
export type IndexType = 'RANGE' | 'TEXT' | 'POINT' | 'FULLTEXT' | 'VECTOR';

/** A constraint or index type. */
export type SchemaItemType = ConstraintType | IndexType;

/**
 * One constraint or index, normalised so that what the models plan and what the database reports
 * compare field by field.
 */
export interface SchemaItem {
  /** The schema name, unique per database across constraints and indexes. */
  readonly name: string;
  readonly kind: 'constraint' | 'index';
  readonly entity: 'node' | 'relationship';
  /** Node labels, or relationship types when `entity` is `'relationship'` (several only for fulltext). */
  readonly labels: readonly string[];
  readonly properties: readonly string[];
  readonly type: SchemaItemType;
  /** Property type constraints only: the Cypher type, e.g. `STRING`. */
  readonly propertyType?: string;
  /**
   * Index settings that are part of the definition, e.g. `vector.dimensions` and
   * `vector.similarity_function`. Items read from the database carry their full `indexConfig`;
   * comparisons only look at the keys the planned item sets.
   */
  readonly options: Readonly<Record<string, unknown>>;
  /** Planned items only: Neo4j Community cannot create this item. */
  readonly enterpriseOnly?: boolean;
  /** Planned items only: the model and field that declared it, e.g. `Account.iban`. */
  readonly source?: string;
  /** Items read from the database only: Neo4j's own statement that recreates the item. */
  readonly createStatement?: string;
}

/** `UNIQUENESS constraint account_iban_unique on (:Account).iban` — for messages and tables. */
export function describeSchemaItem(item: SchemaItem): string {
  const target = item.entity === 'node' ? `(:${item.labels.join('|')})` : `()-[:${item.labels.join('|')}]-()`;
  const properties =
    item.properties.length === 1 ? `.${item.properties[0]}` : `.{${item.properties.join(', ')}}`;
  const typed = item.propertyType ? ` :: ${item.propertyType}` : '';
  return `${item.type} ${item.kind} ${item.name} on ${target}${properties}${typed}`;
}
