export { arrayOf } from './array-type';
export { bigIntType } from './bigint-type';
export { booleanType } from './boolean-type';
export { dateType } from './date-type';
export { dateTimeType } from './datetime-type';
export { type DurationPropertyType, durationType, type Neo4jDuration } from './duration-type';
export { emailType } from './email-type';
export { floatType } from './float-type';
export { integerType } from './integer-type';
export { DEFAULT_JSON_MAX_DEPTH, type JsonTypeOptions, jsonType } from './json-type';
export {
  type CartesianPoint,
  type GeoPoint,
  type PointCrs,
  type PointTypeOptions,
  pointType,
  type WgsPoint,
} from './point-type';
export type { ConversionContext, PropertyType } from './property-type';
export { regexString } from './regex-type';
export { type StringTypeOptions, stringType } from './string-type';
export { type UniqueIdType, type UniqueIdTypeOptions, uniqueIdType } from './unique-id-type';
export { type Vector, type VectorSimilarity, vectorProblems, vectorType } from './vector-type';
export {
  parseZonedDateTime,
  type ZonedDateTime,
  type ZonedDateTimePropertyType,
  zonedDateTimeType,
} from './zoned-datetime-type';
