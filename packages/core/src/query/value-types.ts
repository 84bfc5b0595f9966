import { isInt } from 'neo4j-driver';
import { arrayOf } from '../properties/array-type';
import { describeValue } from '../properties/describe-value';
import type { PropertyType } from '../properties/property-type';
import type { AggregateKind } from './aggregations';

/**
 * Counts, sums and averages: any JS number, sent as is (Cypher compares INTEGER with FLOAT by
 * value) and read back from INTEGER or FLOAT.
 */
export const NUMBER_TYPE: PropertyType<number> = Object.freeze({
  name: 'number',
  cypherType: 'FLOAT',
  tsType: 'number',
  validate: (value: unknown) =>
    typeof value === 'number' ? [] : [`expected a number, got ${describeValue(value)}`],
  deflate(value: number) {
    if (typeof value !== 'number') throw new TypeError(`expected a number, got ${describeValue(value)}`);
    return value;
  },
  inflate: (value: unknown) => toNumber(value),
});

/** A driver number (Integer, bigint or number) as a JS number. */
export function toNumber(value: unknown): number {
  if (isInt(value)) return value.toNumber();
  return Number(value);
}

/** Collected nodes cannot be compared with a value; filter through the relationship instead. */
const NODE_LIST_TYPE: PropertyType<unknown[]> = Object.freeze({
  name: 'nodes',
  cypherType: 'LIST<NODE>',
  tsType: 'unknown[]',
  validate: () => ['collected nodes cannot be compared; filter on the relationship instead'],
  deflate(): never {
    throw new TypeError('collected nodes cannot be compared; filter on the relationship instead');
  },
  inflate: (value: unknown) => value as unknown[],
});

/** The type of an aggregate's result, for filters on annotations. */
export function aggregateResultType(kind: AggregateKind, valueType: PropertyType | undefined): PropertyType {
  switch (kind) {
    case 'count':
    case 'sum':
    case 'avg':
      return NUMBER_TYPE;
    case 'min':
    case 'max':
      return valueType ?? NUMBER_TYPE;
    case 'collect':
      return valueType ? listOf(valueType) : NODE_LIST_TYPE;
  }
}

const listTypes = new WeakMap<PropertyType, PropertyType>();

/**
 * One list type per item type: a column or filter on a collect() annotation carries this type into
 * the plan, and a new type (new functions) for each query would give each its own compile-cache key.
 */
function listOf(itemType: PropertyType): PropertyType {
  let type = listTypes.get(itemType);
  if (type === undefined) {
    type = arrayOf(itemType);
    listTypes.set(itemType, type);
  }
  return type;
}

/** Converts one aggregate result read from the driver into its JS value. */
export function inflateAggregate(
  kind: AggregateKind | 'score',
  valueType: PropertyType | undefined,
  raw: unknown,
  context: { model: string; field: string },
): unknown {
  if (raw === null || raw === undefined) return kind === 'count' || kind === 'sum' ? 0 : null;
  switch (kind) {
    case 'count':
    case 'sum':
    case 'avg':
    case 'score':
      return toNumber(raw);
    case 'min':
    case 'max':
      return valueType ? valueType.inflate(raw, context) : raw;
    case 'collect':
      return valueType ? (raw as unknown[]).map((item) => valueType.inflate(item, context)) : raw;
  }
}
