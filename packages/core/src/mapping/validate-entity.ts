import { getMetadataStorage, validateSync } from 'class-validator';
import type { FieldError } from '../errors';
import { REDACTED } from '../executor/query-log';
import type { AnyClass, PropertyDefinition } from '../registry/definitions';

const usesClassValidator = new Map<AnyClass, boolean>();

/**
 * Every problem with an instance's fields, before anything is written: required values, types,
 * choices, then the class-validator decorators on the class (when it has any).
 */
export function validateEntity(
  target: AnyClass,
  properties: ReadonlyMap<string, PropertyDefinition>,
  instance: object,
): FieldError[] {
  const errors: FieldError[] = [];
  const values = instance as Record<string, unknown>;
  for (const property of properties.values()) {
    const value = values[property.name];
    if (value === null || value === undefined) {
      if (property.required)
        errors.push({ field: property.name, message: 'is required', constraint: 'required' });
      continue;
    }
    const typeErrors = property.type.validate(value);
    for (const message of typeErrors) errors.push({ field: property.name, message, constraint: 'type' });
    if (typeErrors.length === 0 && property.choices && !property.choices.includes(value)) {
      errors.push({
        field: property.name,
        message: `must be one of ${property.choices.map((c) => JSON.stringify(c)).join(', ')}`,
        constraint: 'choices',
      });
    }
  }
  if (hasClassValidatorRules(target)) {
    for (const error of validateSync(instance, { forbidUnknownValues: false })) {
      for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
        errors.push({ field: error.property, message, constraint });
      }
    }
  }
  return maskSensitive(properties, values, errors);
}

/**
 * Messages may quote the value (`"hunter2" is not a valid email address`, a class-validator
 * `$value`); for sensitive properties the value is replaced by `***`, since ValidationError
 * messages end up in logs.
 */
function maskSensitive(
  properties: ReadonlyMap<string, PropertyDefinition>,
  values: Record<string, unknown>,
  errors: FieldError[],
): FieldError[] {
  return errors.map((error) => {
    const value = values[error.field];
    if (!properties.get(error.field)?.sensitive || value === null || value === undefined) return error;
    const text = String(value);
    // Messages shorten long values to their first 60 characters (see `quote`), which must go too.
    const shown = [text, text.slice(0, 60)].filter((t) => t !== '' && error.message.includes(t));
    if (shown.length === 0) return error;
    let message = error.message;
    for (const t of shown) message = message.split(t).join(REDACTED);
    return { ...error, message };
  });
}

function hasClassValidatorRules(target: AnyClass): boolean {
  let known = usesClassValidator.get(target);
  if (known === undefined) {
    known =
      getMetadataStorage().getTargetValidationMetadatas(target as new () => object, '', true, false).length >
      0;
    usesClassValidator.set(target, known);
  }
  return known;
}
