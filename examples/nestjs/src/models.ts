import {
  EmailProperty,
  Node,
  NodeEntity,
  type NodeSet,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  UniqueIdProperty,
  ZeroOrOne,
} from '@cartograph/core';

@Node()
export class Company extends NodeEntity {
  declare static readonly nodes: NodeSet<Company>;
  @UniqueIdProperty() uid!: string;
  @StringProperty({ unique: true, required: true }) name!: string;
}

@Node()
export class Person extends NodeEntity {
  declare static readonly nodes: NodeSet<Person>;
  @UniqueIdProperty() uid!: string;
  @EmailProperty({ unique: true, required: true }) email!: string;
  @StringProperty({ required: true }) name!: string;
  @RelationshipTo(() => Company, 'WORKS_AT', { cardinality: ZeroOrOne })
  employer!: RelationshipManager<Company>;
}
