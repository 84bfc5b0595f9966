import { NodeEntity, RelationshipEntity } from '@cartograph/core';

/** Names the generated files import from `@cartograph/core`; a class must not shadow them. */
export const CORE_IMPORT_NAMES = [
  'Node',
  'NodeEntity',
  'NodeSet',
  'Rel',
  'RelationshipEntity',
  'RelationshipManager',
  'RelationshipTo',
  'RelationshipFrom',
  'StringProperty',
  'IntegerProperty',
  'FloatProperty',
  'BooleanProperty',
  'DateProperty',
  'DateTimeProperty',
  'DurationProperty',
  'PointProperty',
  'ArrayProperty',
  'StringType',
  'IntegerType',
  'FloatType',
  'BooleanType',
  'DateType',
  'DateTimeType',
  'DurationType',
  'PointType',
  'GeoPoint',
  'Neo4jDuration',
  'Date',
  'Object',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Map',
  'Set',
  'Promise',
  'Error',
];

/** Members of `NodeEntity`: a generated field of the same name would hide them. */
export const NODE_MEMBERS = ['constructor', 'nodes', ...Object.getOwnPropertyNames(NodeEntity.prototype)];
/** Members of `RelationshipEntity` (instance fields included). */
export const REL_MEMBERS = [
  'constructor',
  'type',
  'startNodeElementId',
  'endNodeElementId',
  ...Object.getOwnPropertyNames(RelationshipEntity.prototype),
];
