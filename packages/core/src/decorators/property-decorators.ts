import { arrayOf } from '../properties/array-type';
import { bigIntType } from '../properties/bigint-type';
import { booleanType } from '../properties/boolean-type';
import { dateType } from '../properties/date-type';
import { dateTimeType } from '../properties/datetime-type';
import { type DurationPropertyType, durationType, type Neo4jDuration } from '../properties/duration-type';
import { emailType } from '../properties/email-type';
import { floatType } from '../properties/float-type';
import { integerType } from '../properties/integer-type';
import { jsonType } from '../properties/json-type';
import { type GeoPoint, type PointCrs, pointType } from '../properties/point-type';
import type { PropertyType } from '../properties/property-type';
import { regexString } from '../properties/regex-type';
import { stringType } from '../properties/string-type';
import { uniqueIdType } from '../properties/unique-id-type';
import { type Vector, type VectorSimilarity, vectorType } from '../properties/vector-type';
import {
  type ZonedDateTime,
  type ZonedDateTimePropertyType,
  zonedDateTimeType,
} from '../properties/zoned-datetime-type';
import type { PropertyOptions } from '../registry/definitions';
import { pendingFieldsOf } from '../registry/pending-metadata';
import { type PropertyDecorator, propertyDecorator } from './property-decorator';

/** Item types for {@link ArrayProperty}, e.g. `@ArrayProperty(StringType)`. */
export const StringType: PropertyType<string> = stringType();
/** The property type of whole numbers stored as Neo4j INTEGER, for `ArrayProperty(IntegerType)` and custom decorators. */
export const IntegerType: PropertyType<number> = integerType();
/** The property type of `bigint` values stored as INTEGER (64-bit), for `ArrayProperty(BigIntType)` and custom decorators. */
export const BigIntType: PropertyType<bigint> = bigIntType();
/** The property type of numbers stored as FLOAT, for `ArrayProperty(FloatType)` and custom decorators. */
export const FloatType: PropertyType<number> = floatType();
/** The property type of booleans, for `ArrayProperty(BooleanType)` and custom decorators. */
export const BooleanType: PropertyType<boolean> = booleanType();
/** The property type of calendar dates (`Date` at midnight UTC) stored as DATE, for `ArrayProperty(DateType)` and custom decorators. */
export const DateType: PropertyType<Date> = dateType();
/** The property type of instants (`Date`) stored as DATETIME, for `ArrayProperty(DateTimeType)` and custom decorators. */
export const DateTimeType: PropertyType<Date> = dateTimeType();
/** The property type of date-times with their time zone, stored as DATETIME, for `ArrayProperty(ZonedDateTimeType)` and custom decorators. */
export const ZonedDateTimeType: ZonedDateTimePropertyType = zonedDateTimeType();
/** The property type of durations stored as DURATION, for `ArrayProperty(DurationType)` and custom decorators. */
export const DurationType: DurationPropertyType = durationType();
/** The property type of geographic or cartesian points stored as POINT, for `ArrayProperty(PointType)` and custom decorators. */
export const PointType: PropertyType<GeoPoint> = pointType();
/** The property type of e-mail addresses, validated on write, for `ArrayProperty(EmailType)` and custom decorators. */
export const EmailType: PropertyType<string> = emailType();

/** Options of {@link StringProperty}. */
export interface StringPropertyOptions extends PropertyOptions<string> {
  /** Longest allowed value, in characters (Unicode code points). */
  maxLength?: number;
}

/** A string property (Neo4j STRING). */
export function StringProperty(options: StringPropertyOptions = {}): PropertyDecorator<string> {
  const { maxLength, ...rest } = options;
  return propertyDecorator(maxLength === undefined ? StringType : stringType({ maxLength }), rest);
}

/** Options of {@link IntegerProperty}. */
export type IntegerPropertyOptions = PropertyOptions<number>;

/**
 * A whole-number property held as a JS number and stored as a Neo4j INTEGER (never a FLOAT).
 * Values beyond ±(2^53 - 1) are refused; use {@link BigIntProperty} for those.
 */
export function IntegerProperty(options: IntegerPropertyOptions = {}): PropertyDecorator<number> {
  return propertyDecorator(IntegerType, options);
}

/** Options of {@link BigIntProperty}. */
export type BigIntPropertyOptions = PropertyOptions<bigint>;

/** A 64-bit integer property held as a JS bigint (Neo4j INTEGER). */
export function BigIntProperty(options: BigIntPropertyOptions = {}): PropertyDecorator<bigint> {
  return propertyDecorator(BigIntType, options);
}

/** Options of {@link FloatProperty}. */
export type FloatPropertyOptions = PropertyOptions<number>;

/** A finite floating-point property (Neo4j FLOAT). */
export function FloatProperty(options: FloatPropertyOptions = {}): PropertyDecorator<number> {
  return propertyDecorator(FloatType, options);
}

/** Options of {@link BooleanProperty}. */
export type BooleanPropertyOptions = PropertyOptions<boolean>;

/** A true/false property (Neo4j BOOLEAN). */
export function BooleanProperty(options: BooleanPropertyOptions = {}): PropertyDecorator<boolean> {
  return propertyDecorator(BooleanType, options);
}

/** Options of {@link DateProperty}. */
export type DatePropertyOptions = PropertyOptions<Date>;

/**
 * A calendar-date property (Neo4j DATE) held as a JS Date. The day is taken in UTC and read back
 * as UTC midnight, so write `new Date('1990-04-23')`.
 */
export function DateProperty(options: DatePropertyOptions = {}): PropertyDecorator<Date> {
  return propertyDecorator(DateType, options);
}

/** Options of {@link DateTimeProperty}. */
export type DateTimePropertyOptions = PropertyOptions<Date>;

/** An instant held as a JS Date, stored as a Neo4j ZONED DATETIME in UTC, exact to the millisecond. */
export function DateTimeProperty(options: DateTimePropertyOptions = {}): PropertyDecorator<Date> {
  return propertyDecorator(DateTimeType, options);
}

/** Options of {@link ZonedDateTimeProperty}. */
export type ZonedDateTimePropertyOptions = PropertyOptions<ZonedDateTime>;

/**
 * A date-time that keeps its time zone (Neo4j ZONED DATETIME), held as a neo4j-driver `DateTime`
 * so that a zone id such as `Europe/Paris`, or an offset, and nanoseconds survive the round trip.
 * Also accepts an ISO string with an offset or zone id.
 */
export function ZonedDateTimeProperty(
  options: ZonedDateTimePropertyOptions = {},
): PropertyDecorator<ZonedDateTime> {
  return propertyDecorator(ZonedDateTimeType, options);
}

/** Options of {@link DurationProperty}. */
export type DurationPropertyOptions = PropertyOptions<Neo4jDuration>;

/** A Neo4j DURATION held as a neo4j-driver `Duration`; also accepts an ISO-8601 string such as `PT2H30M`. */
export function DurationProperty(options: DurationPropertyOptions = {}): PropertyDecorator<Neo4jDuration> {
  return propertyDecorator(DurationType, options);
}

/** Options of {@link PointProperty}. */
export interface PointPropertyOptions extends PropertyOptions<GeoPoint> {
  /** Restricts the coordinate reference systems accepted; default any. */
  crs?: PointCrs | readonly PointCrs[];
}

/** A spatial property (Neo4j POINT) held as a {@link GeoPoint}; `index: true` creates a point index. */
export function PointProperty(options: PointPropertyOptions = {}): PropertyDecorator<GeoPoint> {
  const { crs, ...rest } = options;
  return propertyDecorator(crs === undefined ? PointType : pointType({ crs }), rest, {
    defaultIndex: 'point',
  });
}

/** Options of {@link ArrayProperty}. */
export type ArrayPropertyOptions<T> = PropertyOptions<T[]>;

/**
 * A list property (Neo4j LIST) whose items are all of `itemType`, e.g. `@ArrayProperty(StringType)`.
 * Items cannot be null, and lists cannot nest.
 */
export function ArrayProperty<T>(
  itemType: PropertyType<T>,
  options: ArrayPropertyOptions<T> = {},
): PropertyDecorator<readonly T[]> {
  return propertyDecorator(arrayOf(itemType), options) as unknown as PropertyDecorator<readonly T[]>;
}

/** Options of {@link JsonProperty}. */
export interface JsonPropertyOptions<T = unknown> extends PropertyOptions<T> {
  /** Deepest nesting of arrays/objects accepted on write and read; default 100, at most 1000. */
  maxDepth?: number;
}

const defaultJsonType = jsonType();

/**
 * Any JSON-serialisable value, stored as a string of JSON text; bigints, functions, cycles and
 * values nested deeper than `maxDepth` (default 100) are refused.
 */
export function JsonProperty<T = unknown>(options: JsonPropertyOptions<T> = {}): PropertyDecorator<T> {
  const { maxDepth, ...rest } = options;
  const type = maxDepth === undefined ? defaultJsonType : jsonType({ maxDepth });
  return propertyDecorator(type as PropertyType<T>, rest);
}

/** Options of {@link EmailProperty}. */
export type EmailPropertyOptions = PropertyOptions<string>;

/** A string property that must hold an email address. */
export function EmailProperty(options: EmailPropertyOptions = {}): PropertyDecorator<string> {
  return propertyDecorator(EmailType, options);
}

/** Options of {@link RegexProperty}. */
export type RegexPropertyOptions = PropertyOptions<string>;

/** A string property that must match `pattern`; anchor it (`^...$`) to match whole values. */
export function RegexProperty(
  pattern: RegExp,
  options: RegexPropertyOptions = {},
): PropertyDecorator<string> {
  return propertyDecorator(regexString(pattern), options);
}

/** Options of {@link UniqueIdProperty}. */
export interface UniqueIdPropertyOptions extends PropertyOptions<string> {
  /** 4 (random, the default) or 7 (time-ordered). */
  version?: 4 | 7;
}

/**
 * The model's identity: a UUID generated on create, required and backed by a uniqueness
 * constraint. One per model.
 */
export function UniqueIdProperty(options: UniqueIdPropertyOptions = {}): PropertyDecorator<string> {
  const { version, ...rest } = options;
  const type = uniqueIdType({ version });
  return propertyDecorator(
    type,
    { unique: true, required: true, default: () => type.generate(), ...rest },
    { isIdentity: true },
  );
}

/**
 * Another name for the property `to`: reads and writes go to `to`, and queries may filter by the
 * alias. Declare the field with `declare` (`@AliasProperty('name') declare fullName: string;`),
 * since a plain class field would hide the accessor.
 */
export function AliasProperty(to: string): PropertyDecorator {
  return (target: object, field: string) => {
    pendingFieldsOf(target).aliases.set(field, to);
    Object.defineProperty(target, field, {
      get(this: Record<string, unknown>) {
        return this[to];
      },
      set(this: Record<string, unknown>, value: unknown) {
        this[to] = value;
      },
      configurable: true,
      enumerable: false,
    });
  };
}

/** Options of {@link VectorProperty}. */
export interface VectorPropertyOptions extends Omit<PropertyOptions<Vector>, 'index' | 'vector'> {
  /** Length of every vector (the embedding model's output size), 1 to 4096. */
  dimensions: number;
  /** Similarity function of the vector index; default `cosine`. */
  similarity?: VectorSimilarity;
}

/**
 * An embedding: a fixed-length list of finite floats (stored as `LIST<FLOAT>`) with its vector
 * index, so that `Model.nodes.nearest(field, vector, { k })` can query it. Wrong lengths and
 * non-finite components are refused on write with a ValidationError.
 */
export function VectorProperty(options: VectorPropertyOptions): PropertyDecorator<Vector> {
  const { dimensions, similarity = 'cosine', ...rest } = options;
  return propertyDecorator(vectorType(dimensions), {
    ...rest,
    index: 'vector',
    vector: { dimensions, similarity },
  });
}
