import { InvalidFilterError } from '../errors/filter-errors';
import { describeValue } from '../properties/describe-value';
import type { PropertyType } from '../properties/property-type';
import { OPERAND, type OperatorName } from './operators';

/** A filterable field: a model property, a relationship property, an annotation or the element id. */
export interface FieldRef {
  readonly model: string;
  /** Name the user wrote (for messages). */
  readonly name: string;
  readonly type: PropertyType;
  /** Values compared with this field are secrets, masked in logs. */
  readonly sensitive?: boolean;
}

/**
 * Checks an operator's operand and converts it to the value the driver sends, through the field's
 * property type where the operand is a field value, so that comparisons see exactly what is stored
 * (an integer property compares against an INTEGER, a Date against a DATETIME).
 */
export function convertOperand(field: FieldRef, operator: OperatorName, raw: unknown): unknown {
  const where = `${field.model}.${field.name} (${operator})`;
  switch (OPERAND[operator]) {
    case 'value':
      return deflate(field, raw, where);
    case 'values':
      if (!Array.isArray(raw))
        throw new InvalidFilterError(`${where} expects an array, got ${describeValue(raw)}.`);
      return raw.map((item) => deflate(field, item, where));
    case 'text':
      if (typeof raw !== 'string')
        throw new InvalidFilterError(`${where} expects a string, got ${describeValue(raw)}.`);
      return raw;
    case 'flag':
      if (typeof raw !== 'boolean')
        throw new InvalidFilterError(`${where} expects true or false, got ${describeValue(raw)}.`);
      return raw;
    case 'item':
      // A one-item list goes through the list type, which knows how to convert its items.
      return (deflate(field, [raw], where) as unknown[])[0];
    case 'items':
      if (!Array.isArray(raw))
        throw new InvalidFilterError(`${where} expects an array, got ${describeValue(raw)}.`);
      return deflate(field, raw, where);
  }
}

function deflate(field: FieldRef, value: unknown, where: string): unknown {
  if (value === null || value === undefined) {
    throw new InvalidFilterError(
      `${where} got ${String(value)}; use { isNull: true } to match a missing value.`,
    );
  }
  try {
    return field.type.deflate(value, { model: field.model, field: field.name });
  } catch (error) {
    // The type's message may quote the value; a secret must not reach the message (or its cause).
    if (field.sensitive) {
      throw new InvalidFilterError(
        `Invalid value for ${where}: it does not fit the property's ${field.type.name} type (not shown: the property is sensitive).`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidFilterError(`Invalid value for ${where}: ${reason}`, { cause: error });
  }
}
