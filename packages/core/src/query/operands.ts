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
  switch (OPERAND[operator]) {
    case 'value':
      return deflate(field, raw, operator);
    case 'values':
      if (!Array.isArray(raw))
        throw new InvalidFilterError(
          `${where(field, operator)} expects an array, got ${describeValue(raw)}.`,
        );
      return raw.map((item) => deflate(field, item, operator));
    case 'text':
      if (typeof raw !== 'string')
        throw new InvalidFilterError(
          `${where(field, operator)} expects a string, got ${describeValue(raw)}.`,
        );
      return raw;
    case 'flag':
      if (typeof raw !== 'boolean')
        throw new InvalidFilterError(
          `${where(field, operator)} expects true or false, got ${describeValue(raw)}.`,
        );
      return raw;
    case 'item':
      // A one-item list goes through the list type, which knows how to convert its items.
      return (deflate(field, [raw], operator) as unknown[])[0];
    case 'items':
      if (!Array.isArray(raw))
        throw new InvalidFilterError(
          `${where(field, operator)} expects an array, got ${describeValue(raw)}.`,
        );
      return deflate(field, raw, operator);
  }
}

/** The operand's place, for messages (built only when one is raised). */
function where(field: FieldRef, operator: OperatorName): string {
  return `${field.model}.${field.name} (${operator})`;
}

function deflate(field: FieldRef, value: unknown, operator: OperatorName): unknown {
  if (value === null || value === undefined) {
    throw new InvalidFilterError(
      `${where(field, operator)} got ${String(value)}; use { isNull: true } to match a missing value.`,
    );
  }
  try {
    return field.type.deflate(value, { model: field.model, field: field.name });
  } catch (error) {
    // The type's message may quote the value; a secret must not reach the message (or its cause).
    if (field.sensitive) {
      throw new InvalidFilterError(
        `Invalid value for ${where(field, operator)}: it does not fit the property's ${field.type.name} type (not shown: the property is sensitive).`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidFilterError(`Invalid value for ${where(field, operator)}: ${reason}`, { cause: error });
  }
}
