export {
  InvalidCursorError,
  InvalidFilterError,
  UnknownOperatorError,
  UnknownPropertyError,
} from '../errors/filter-errors';
export type { CypherOptions, RawCypherOptions } from '../graph/raw-cypher';
export {
  type Aggregated,
  type AggregateKind,
  type AggregateOptions,
  type AggregateValue,
  Aggregation,
  type Annotated,
  type AnnotationValue,
  avg,
  collect,
  count,
  max,
  min,
  sum,
} from './aggregations';
export type { BulkDeleteOptions, BulkOptions, UpdateValues } from './bulk';
export { OptionalPath, optional } from './fetch-plan';
export { GroupedNodeSet } from './grouped-node-set';
export type { PlanNode, PlanSummary } from './inspect';
export { type HasFilter, NodeSet, type TraverseLength, type VectorKeys } from './node-set';
export { OPERATORS, type OperatorName } from './operators';
export type { Page, PageOptions } from './pagination';
export { Q, QNode, type QOperator } from './q';
export {
  nearestRelationships,
  type RelationshipSearchOptions,
  searchRelationships,
} from './search/relationship-search';
export type {
  HybridOptions,
  ScoredSearchOptions,
  SearchOptions,
  TextQuery,
  VectorQuery,
} from './search/search-plan';
export type { QueryCallOptions } from './state';
export type { StreamOptions } from './stream';
export type {
  ArrayOperators,
  ComparisonOperators,
  EqualityOperators,
  FieldFilter,
  FieldKeys,
  Filter,
  FilterInput,
  OperatorsFor,
  OrderKey,
  RelatedFieldPath,
  RelationFilter,
  RelationKeys,
  RelationModel,
  RelationPath,
  RelationTarget,
  RelFieldKeys,
  RelFilter,
  StringOperators,
} from './types';
