import 'reflect-metadata';
import {
  DateProperty,
  DateTimeProperty,
  EmailProperty,
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  Rel,
  RelationshipEntity,
  RelationshipFrom,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  UniqueIdProperty,
  ZeroOrOne,
} from '@cartograph/core';
import { Min } from 'class-validator';

/** A relationship model with its own properties. */
@Rel('KNOWS')
export class Knows extends RelationshipEntity {
  @DateProperty() since!: Date;
}

/** Label defaults to the class name: Person. */
@Node()
export class Person extends NodeEntity {
  declare static readonly nodes: NodeSet<Person>;
  @UniqueIdProperty() uid!: string;
  @EmailProperty({ unique: true, required: true }) email!: string;
  @StringProperty({ index: true }) name!: string;
  @IntegerProperty({ default: 0 }) @Min(0) age!: number;
  @DateTimeProperty({ default: () => new Date() }) createdAt!: Date;
  @RelationshipTo(() => Person, 'KNOWS', { model: Knows }) friends!: RelationshipManager<Person, Knows>;
  @RelationshipTo(() => Company, 'WORKS_AT', { cardinality: ZeroOrOne })
  employer!: RelationshipManager<Company>;
}

@Node({ labels: ['Company', 'Organisation'] })
export class Company extends NodeEntity {
  declare static readonly nodes: NodeSet<Company>;
  @StringProperty({ unique: true }) name!: string;
  @RelationshipFrom(() => Person, 'WORKS_AT') staff!: RelationshipManager<Person>;
}
