/**
 * `@cartograph/core`: decorated models, the schema registry, persistence, relationships with
 * cardinality, transactions, and the fluent query builder.
 *
 * @packageDocumentation
 */

export { Node, type NodeOptions } from './decorators/node';
export { propertyDecorator } from './decorators/property-decorator';
export * from './decorators/property-decorators';
export { Rel, type RelOptions } from './decorators/rel';
export {
  Relationship,
  RelationshipFrom,
  type RelationshipOptions,
  RelationshipTo,
} from './decorators/relationship-decorators';
export * from './errors';
export type { CallOptions } from './executor/deadline';
export { type QueryEvent, type QueryLogger, redactParams } from './executor/query-log';
export {
  ATTR as TELEMETRY_ATTRIBUTES,
  errorTypeOf,
  INSTRUMENTATION_NAME,
  type TelemetryOptions,
} from './executor/telemetry';
export {
  connectOptionsFromEnv,
  ENVIRONMENT_VARIABLES,
  validateConnectOptions,
} from './graph/connect-config';
export {
  type AccessMode,
  type CompiledQuery,
  ExplicitTransaction,
  Graph,
  GraphTransaction,
} from './graph/graph';
export { type ConnectOptions, DEFAULT_TIMEOUT_MS, type RunOptions } from './graph/graph-options';
export { toPlain } from './graph/to-plain';
export { type JsonSchema, type JsonSchemaOptions, toJsonSchema } from './json-schema/to-json-schema';
export type { ModelClass, ModelProps, PropertyKeys } from './mapping/model-types';
export type { UnknownPropertiesPolicy, WriteOptions } from './mapping/write-input';
export type { BatchOptions, KeyedBatchOptions } from './model/batch-writes';
export type { ImportOptions, ImportProgress, ImportSummary } from './model/import-many';
export type { LifecycleHooks } from './model/lifecycle-hooks';
export { type CreateProps, NodeEntity } from './model/node-entity';
export type { NodeKey, RelatePair, UnrelatePair } from './model/relate-types';
export * from './plugins';
export * from './properties';
export type { ConversionContext, PropertyType } from './properties/property-type';
export * from './query';
export { type Cardinality, One, OneOrMore, ZeroOrMore, ZeroOrOne } from './registry/cardinality';
export type {
  AnyClass,
  IndexKind,
  NodeDefinition,
  PropertyDefinition,
  PropertyOptions,
  RelationshipDefinition,
  RelationshipDirection,
  RelationshipModelDefinition,
} from './registry/definitions';
export { RelationshipEntity } from './relationship-model/relationship-entity';
export type {
  RelateManyOptions,
  RelateManySummary,
  UnrelateManyOptions,
  UnrelateManySummary,
} from './relationships/bulk-relate';
export {
  type ConnectOptions as RelationshipConnectOptions,
  RelationshipManager,
  type RelationshipProps,
} from './relationships/relationship-manager';
export type { InstallSchemaResult } from './schema/install-schema';
