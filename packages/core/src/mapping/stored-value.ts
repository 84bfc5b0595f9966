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

/** Reads one stored value of one property; see {@link storedValueReader}. */
export type StoredValueReader = (value: unknown, source: StoredSource) => unknown;

const readers = new WeakMap<PropertyDefinition, Map<string, StoredValueReader>>();

/**
 * Reads stored values of `property` as the model declares it, refusing what the model forbids: the
 * type's inflate (wrong Neo4j type, lossy numbers), then the checks a write makes (format via
 * `validate` unless the type's inflate already covers it, choices), so an instance never holds a
 * value `save()` would refuse. A missing required value is refused too; an absent optional value
 * reads as undefined. The reader is built once per property (reads run it per value).
 * @throws HydrationError naming the node, property, stored type and expected type
 */
export function storedValueReader(model: string, property: PropertyDefinition): StoredValueReader {
  let byModel = readers.get(property);
  if (!byModel) {
    byModel = new Map();
    readers.set(property, byModel);
  }
  let reader = byModel.get(model);
  if (!reader) {
    reader = buildReader(model, property);
    byModel.set(model, reader);
  }
  return reader;
}

/** One stored value, read with {@link storedValueReader}. */
export function readStoredValue(
  model: string,
  property: PropertyDefinition,
  value: unknown,
  source: StoredSource,
): unknown {
  return storedValueReader(model, property)(value, source);
}

function buildReader(model: string, property: PropertyDefinition): StoredValueReader {
  const { type, required, choices } = property;
  const context = { model, field: property.name };
  const validate = type.inflateValidates ? undefined : type.validate.bind(type);
  return (value, source) => {
    if (value === null || value === undefined) {
      if (required) throw refused(model, property, value, source, 'the property is required but missing');
      return undefined;
    }
    let inflated: unknown;
    try {
      inflated = type.inflate(value, context);
    } catch (error) {
      if (!(error instanceof PropertyConversionError)) throw error;
      throw refused(model, property, value, source, reasonOf(error, property), error);
    }
    if (validate) {
      const problems = validate(inflated);
      if (problems.length > 0) {
        const reason = property.sensitive
          ? 'the value is not valid (not shown: the property is sensitive)'
          : problems.join('; ');
        throw refused(model, property, value, source, reason);
      }
    }
    if (choices && !choices.includes(inflated)) {
      throw refused(model, property, value, source, 'the value is not one of the declared choices');
    }
    return inflated;
  };
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
