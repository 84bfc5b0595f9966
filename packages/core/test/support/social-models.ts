// The domain of the core contract: people who know each other and work at companies.
import 'reflect-metadata';
import { IsEmail, Max, Min } from 'class-validator';
import {
  DateProperty,
  DateTimeProperty,
  EmailProperty,
  FloatProperty,
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  One,
  Rel,
  RelationshipEntity,
  RelationshipFrom,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  UniqueIdProperty,
  ZeroOrOne,
} from '../../src';

@Rel('KNOWS')
export class Knows extends RelationshipEntity {
  @DateProperty() since!: Date;
  @FloatProperty({ default: 0.5 }) @Min(0) @Max(1) closeness!: number;
}

@Node()
export class Person extends NodeEntity {
  declare static readonly nodes: NodeSet<Person>;
  @UniqueIdProperty() uid!: string;
  @EmailProperty({ unique: true, required: true }) @IsEmail() email!: string;
  @StringProperty({ index: true }) name!: string;
  @IntegerProperty({ default: 0 }) @Min(0) age!: number;
  @DateTimeProperty({ default: () => new Date() }) createdAt!: Date;
  @StringProperty({ choices: ['free', 'pro', 'enterprise'], default: 'free' }) plan!: string;
  @RelationshipTo(() => Person, 'KNOWS', { model: Knows }) friends!: RelationshipManager<Person, Knows>;
  @RelationshipTo(() => Company, 'WORKS_AT', { cardinality: ZeroOrOne })
  employer!: RelationshipManager<Company>;
  @RelationshipTo(() => Company, 'LEADS', { cardinality: ZeroOrOne }) leads!: RelationshipManager<Company>;
}

@Node({ labels: ['Company', 'Organisation'] })
export class Company extends NodeEntity {
  declare static readonly nodes: NodeSet<Company>;
  @StringProperty({ unique: true }) name!: string;
  @StringProperty({ dbProperty: 'registered_country' }) country!: string;
  @RelationshipFrom(() => Person, 'WORKS_AT') staff!: RelationshipManager<Person>;
  @RelationshipFrom(() => Person, 'LEADS', { cardinality: One }) ceo!: RelationshipManager<Person>;
}
