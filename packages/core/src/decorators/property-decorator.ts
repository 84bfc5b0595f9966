import type { PropertyType } from '../properties/property-type';
import type { IndexKind, PropertyDefinition, PropertyOptions } from '../registry/definitions';
import { pendingFieldsOf } from '../registry/pending-metadata';
import { looksSensitive } from '../registry/sensitive-names';

/**
 * A legacy property decorator for fields holding `V`: applied to a field of another type, it does
 * not compile (`@IntegerProperty() name!: string` is an error). `V = any` accepts every field.
 */
// biome-ignore lint/suspicious/noExplicitAny: the default accepts any field (relationships, aliases)
export type PropertyDecorator<V = any> = <K extends string>(target: FieldHolding<K, V>, field: K) => void;

/** An object (the class prototype) whose field `K` may hold `V` (or be unset / null). */
export type FieldHolding<K extends string, V> = { [P in K]?: V | null };

/**
 * Builds the decorator for one property type. Every typed decorator (`@StringProperty`,
 * `@IntegerProperty`, ...) is this function with its type filled in.
 */
export function propertyDecorator<T>(
  type: PropertyType<T>,
  options: PropertyOptions<T> = {},
  extra: { isIdentity?: boolean; defaultIndex?: IndexKind } = {},
): PropertyDecorator<T> {
  return (target: object, field: string) => {
    const choices = options.choices;
    const definition: PropertyDefinition = {
      name: field,
      dbName: options.dbProperty ?? field,
      type: type as PropertyType,
      required: options.required ?? false,
      unique: options.unique ?? false,
      index: indexKindOf(options.index, extra.defaultIndex),
      defaultValue: options.default,
      hasDefault: options.default !== undefined,
      choices: choices === undefined ? undefined : Array.isArray(choices) ? choices : Object.keys(choices),
      vector: options.vector,
      isIdentity: extra.isIdentity ?? false,
      exists: options.exists,
      typeConstraint: options.typeConstraint,
      sensitive: options.sensitive ?? (looksSensitive(field) || looksSensitive(options.dbProperty ?? field)),
      ...(options.constraintName === undefined ? {} : { constraintName: options.constraintName }),
      ...(options.indexName === undefined ? {} : { indexName: options.indexName }),
    };
    pendingFieldsOf(target).properties.push(definition);
  };
}

function indexKindOf(
  index: PropertyOptions['index'],
  defaultIndex: IndexKind | undefined,
): IndexKind | undefined {
  if (index === true) return defaultIndex ?? 'range';
  if (index === false || index === undefined) return undefined;
  return index;
}
