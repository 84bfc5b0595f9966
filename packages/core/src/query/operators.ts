import type { PropertyType } from '../properties/property-type';

/** Every operator a filter may use. */
export const OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'notIn',
  'contains',
  'iContains',
  'startsWith',
  'iStartsWith',
  'endsWith',
  'iEndsWith',
  'regex',
  'isNull',
  'exact',
  'iExact',
  'includes',
  'includesAny',
  'includesAll',
] as const;

/** The name of a filter operator (`eq`, `gte`, `startsWith`, ...). */
export type OperatorName = (typeof OPERATORS)[number];

/**
 * How a property's values can be compared. Decided from the Neo4j type, because that is what the
 * server compares: lists get membership operators, strings get text operators, booleans, points,
 * durations and JSON (whose text order means nothing) only equality.
 */
export type ValueKind = 'string' | 'list' | 'comparable' | 'equality';

const EQUALITY: readonly OperatorName[] = ['eq', 'ne', 'in', 'notIn', 'isNull'];
const COMPARABLE: readonly OperatorName[] = [...EQUALITY, 'lt', 'lte', 'gt', 'gte'];
const STRING: readonly OperatorName[] = [
  ...COMPARABLE,
  'contains',
  'iContains',
  'startsWith',
  'iStartsWith',
  'endsWith',
  'iEndsWith',
  'regex',
  'exact',
  'iExact',
];
const LIST: readonly OperatorName[] = ['eq', 'ne', 'isNull', 'includes', 'includesAny', 'includesAll'];

const BY_KIND: Readonly<Record<ValueKind, ReadonlySet<OperatorName>>> = {
  string: new Set(STRING),
  list: new Set(LIST),
  comparable: new Set(COMPARABLE),
  equality: new Set(EQUALITY),
};

/** The value kind of a property type. */
export function kindOf(type: PropertyType): ValueKind {
  const cypherType = type.cypherType;
  if (cypherType.startsWith('LIST')) return 'list';
  if (
    type.name === 'json' ||
    cypherType === 'BOOLEAN' ||
    cypherType === 'POINT' ||
    cypherType === 'DURATION'
  ) {
    return 'equality';
  }
  return cypherType === 'STRING' ? 'string' : 'comparable';
}

/** Whether `operator` applies to values of `kind`. */
export function allows(kind: ValueKind, operator: string): operator is OperatorName {
  return BY_KIND[kind].has(operator as OperatorName);
}

/** Operators valid for `kind`, for error messages. */
export function operatorsFor(kind: ValueKind): readonly OperatorName[] {
  return [...BY_KIND[kind]];
}

/**
 * How an operator's operand is checked and converted before it becomes a parameter:
 * `value` goes through the property type (so a Date becomes a DateTime, a number an Integer),
 * `values` is a list of such values, `text` is a search string used as is, `flag` a boolean,
 * `item` one list item, `items` several.
 */
export type OperandShape = 'value' | 'values' | 'text' | 'flag' | 'item' | 'items';

export const OPERAND: Readonly<Record<OperatorName, OperandShape>> = {
  eq: 'value',
  ne: 'value',
  lt: 'value',
  lte: 'value',
  gt: 'value',
  gte: 'value',
  exact: 'value',
  in: 'values',
  notIn: 'values',
  contains: 'text',
  iContains: 'text',
  startsWith: 'text',
  iStartsWith: 'text',
  endsWith: 'text',
  iEndsWith: 'text',
  regex: 'text',
  iExact: 'text',
  isNull: 'flag',
  includes: 'item',
  includesAny: 'items',
  includesAll: 'items',
};
