import { assertValid, inflateError } from './conversion-errors';
import { describeValue } from './describe-value';
import type { ConversionContext, PropertyType } from './property-type';

function itemContext(context: ConversionContext, index: number): ConversionContext {
  return { model: context.model, field: `${context.field}[${index}]` };
}

/**
 * A Neo4j LIST whose items are all of `base`. Neo4j only stores homogeneous lists without nulls,
 * and no lists of lists, so `arrayOf(arrayOf(...))` is refused here rather than by the server.
 */
export function arrayOf<T>(base: PropertyType<T>): PropertyType<T[]> {
  if (base.cypherType.startsWith('LIST')) {
    throw new TypeError(`arrayOf(${base.name}): Neo4j cannot store a list of lists as a property.`);
  }
  const validate = (value: unknown): string[] => {
    if (!Array.isArray(value)) return [`expected an array, got ${describeValue(value)}`];
    return value.flatMap((item: unknown, index) =>
      item === null || item === undefined
        ? [`item ${index} is ${String(item)}; Neo4j lists cannot hold nulls`]
        : base.validate(item).map((message) => `item ${index}: ${message}`),
    );
  };
  const itemsEqual = base.equals?.bind(base) ?? Object.is;
  return {
    name: `list<${base.name}>`,
    cypherType: `LIST<${base.cypherType} NOT NULL>`,
    tsType: /^\w+$/.test(base.tsType) ? `${base.tsType}[]` : `Array<${base.tsType}>`,
    validate,
    deflate(value, context) {
      assertValid(validate(value), context);
      return value.map((item, index) => base.deflate(item, itemContext(context, index)));
    },
    inflate(value, context) {
      if (!Array.isArray(value)) throw inflateError(context, `expected a LIST, got ${describeValue(value)}`);
      return value.map((item: unknown, index) => base.inflate(item, itemContext(context, index)));
    },
    equals(a, b) {
      return a.length === b.length && a.every((item, index) => itemsEqual(item, b[index]!));
    },
  };
}
