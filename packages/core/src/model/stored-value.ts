import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
} from 'neo4j-driver';
import { HydrationError, PropertyConversionError, type StoredDataLocation } from '../errors';
import type { PropertyDefinition } from '../registry/definitions';

/** Where the values being read come from, minus the property (filled per field). */
export type StoredSource = Omit<StoredDataLocation, 'property' | 'model'>;

/**
 * Reads one stored value as the model declares it, refusing what the model forbids: the type's
 * inflate (wrong Neo4j type, lossy numbers), then the same checks a write makes (format, choices),
 * so an instance never holds a value `save()` would refuse. A missing required value is refused too.
 * Returns undefined for an absent optional value.
 * @throws HydrationError naming the node, property, stored type and expected type
 */
export function readStoredValue(
  model: string,
  property: PropertyDefinition,
  value: unknown,
  source: StoredSource,
): unknown {
  if (value === null || value === undefined) {
    if (property.required)
      throw refused(model, property, value, source, 'the property is required but missing');
    return undefined;
  }
  let inflated: unknown;
  try {
    inflated = property.type.inflate(value, { model, field: property.name });
  } catch (error) {
    if (!(error instanceof PropertyConversionError)) throw error;
    throw refused(model, property, value, source, reasonOf(error, property), error);
  }
  const problems = property.type.validate(inflated);
  if (problems.length > 0) {
    const reason = property.sensitive
      ? 'the value is not valid (not shown: the property is sensitive)'
      : problems.join('; ');
    throw refused(model, property, value, source, reason);
  }
  if (property.choices && !property.choices.includes(inflated)) {
    throw refused(model, property, value, source, 'the value is not one of the declared choices');
  }
  return inflated;
}

function refused(
  model: string,
  property: PropertyDefinition,
  value: unknown,
  source: StoredSource,
  reason: string,
  cause?: unknown,
): HydrationError {
  return new HydrationError(
    { labels: source.labels, elementId: source.elementId, model, property: property.name },
    neo4jTypeOf(value),
    `${property.type.name} (${property.type.cypherType})`,
    reason,
    cause === undefined ? undefined : { cause },
  );
}

function reasonOf(error: PropertyConversionError, property: PropertyDefinition): string {
  if (property.sensitive)
    return 'the value cannot be read as this type (not shown: the property is sensitive)';
  // The conversion error's message starts with `Model.field: `, which the HydrationError already says.
  const prefix = `${error.model}.${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/** The Neo4j type name of a driver value, for messages. */
export function neo4jTypeOf(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'FLOAT';
  if (typeof value === 'bigint' || isInt(value)) return 'INTEGER';
  if (Array.isArray(value)) return 'LIST';
  if (isPoint(value)) return 'POINT';
  if (isDuration(value)) return 'DURATION';
  if (isDateTime(value)) return 'ZONED DATETIME';
  if (isLocalDateTime(value)) return 'LOCAL DATETIME';
  if (isDate(value)) return 'DATE';
  if (isTime(value)) return 'ZONED TIME';
  if (isLocalTime(value)) return 'LOCAL TIME';
  return 'MAP';
}
