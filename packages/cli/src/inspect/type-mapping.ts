/** How one Neo4j property type is declared in a generated model. */
export interface PropertyMapping {
  /** The decorator call, e.g. `StringProperty` or `ArrayProperty`. */
  readonly decorator: string;
  /** The item type constant for `ArrayProperty`, e.g. `StringType`. */
  readonly itemType?: string;
  /** The field's TypeScript type. */
  readonly tsType: string;
  /** Type-only imports from `@cartograph/core` the TypeScript type needs. */
  readonly typeImports?: readonly string[];
}

const SCALARS: Record<string, PropertyMapping> = {
  String: { decorator: 'StringProperty', tsType: 'string' },
  Long: { decorator: 'IntegerProperty', tsType: 'number' },
  Double: { decorator: 'FloatProperty', tsType: 'number' },
  Boolean: { decorator: 'BooleanProperty', tsType: 'boolean' },
  Date: { decorator: 'DateProperty', tsType: 'Date' },
  DateTime: { decorator: 'DateTimeProperty', tsType: 'Date' },
  Duration: { decorator: 'DurationProperty', tsType: 'Neo4jDuration', typeImports: ['Neo4jDuration'] },
  Point: { decorator: 'PointProperty', tsType: 'GeoPoint', typeImports: ['GeoPoint'] },
};

const ITEM_TYPES: Record<string, { itemType: string; tsType: string; typeImports?: readonly string[] }> = {
  String: { itemType: 'StringType', tsType: 'string' },
  Long: { itemType: 'IntegerType', tsType: 'number' },
  Double: { itemType: 'FloatType', tsType: 'number' },
  Boolean: { itemType: 'BooleanType', tsType: 'boolean' },
  Date: { itemType: 'DateType', tsType: 'Date' },
  DateTime: { itemType: 'DateTimeType', tsType: 'Date' },
  Duration: { itemType: 'DurationType', tsType: 'Neo4jDuration', typeImports: ['Neo4jDuration'] },
  Point: { itemType: 'PointType', tsType: 'GeoPoint', typeImports: ['GeoPoint'] },
};

/**
 * The declaration for the types Neo4j reports for one property (`db.schema.*TypeProperties`
 * names such as `String`, `Long`, `StringArray`), or `undefined` when Cartograph has no property
 * type for it (LocalDateTime, Time, byte arrays, mixed types). Integers mixed with floats become a
 * float property, which reads both.
 */
export function mapPropertyTypes(neo4jTypes: readonly string[]): PropertyMapping | undefined {
  const types = [...new Set(neo4jTypes)].sort();
  if (types.length === 2 && types[0] === 'Double' && types[1] === 'Long') return SCALARS.Double;
  if (types.length === 2 && types[0] === 'DoubleArray' && types[1] === 'LongArray') return arrayOf('Double');
  if (types.length !== 1) return undefined;
  const type = types[0]!;
  if (type.endsWith('Array')) return arrayOf(type.slice(0, -'Array'.length));
  return SCALARS[type];
}

function arrayOf(base: string): PropertyMapping | undefined {
  const item = ITEM_TYPES[base];
  if (!item) return undefined;
  return {
    decorator: 'ArrayProperty',
    itemType: item.itemType,
    tsType: `${item.tsType}[]`,
    typeImports: item.typeImports,
  };
}
