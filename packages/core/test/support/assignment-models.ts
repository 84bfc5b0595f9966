// Small domains where both ends of a relationship declare a tight cardinality, used to race
// relationship mutations against each other.
import 'reflect-metadata';
import {
  Node,
  NodeEntity,
  type NodeSet,
  One,
  OneOrMore,
  RelationshipFrom,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  ZeroOrOne,
} from '../../src';

/** Thesis allocation: a student picks at most one topic, and a topic goes to at most one student. */
@Node()
export class Student extends NodeEntity {
  declare static readonly nodes: NodeSet<Student>;
  @StringProperty({ unique: true }) name!: string;
  @RelationshipTo(() => Topic, 'PICKED', { cardinality: ZeroOrOne }) pick!: RelationshipManager<Topic>;
}

@Node()
export class Topic extends NodeEntity {
  declare static readonly nodes: NodeSet<Topic>;
  @StringProperty({ unique: true }) name!: string;
  @RelationshipFrom(() => Student, 'PICKED', { cardinality: ZeroOrOne })
  pickedBy!: RelationshipManager<Student>;
}

/** A leased fleet: every car has exactly one registered owner, who holds at most one car. */
@Node()
export class Car extends NodeEntity {
  declare static readonly nodes: NodeSet<Car>;
  @StringProperty({ unique: true }) name!: string;
  @RelationshipTo(() => Driver, 'OWNED_BY', { cardinality: One }) owner!: RelationshipManager<Driver>;
}

@Node()
export class Driver extends NodeEntity {
  declare static readonly nodes: NodeSet<Driver>;
  @StringProperty({ unique: true }) name!: string;
  @RelationshipFrom(() => Car, 'OWNED_BY', { cardinality: ZeroOrOne }) car!: RelationshipManager<Car>;
}

/** A club: a member belongs to at most one team, and a team never runs out of members. */
@Node()
export class Member extends NodeEntity {
  declare static readonly nodes: NodeSet<Member>;
  @StringProperty({ unique: true }) name!: string;
  @RelationshipTo(() => Team, 'PLAYS_FOR', { cardinality: ZeroOrOne }) team!: RelationshipManager<Team>;
}

@Node()
export class Team extends NodeEntity {
  declare static readonly nodes: NodeSet<Team>;
  @StringProperty({ unique: true }) name!: string;
  @RelationshipFrom(() => Member, 'PLAYS_FOR', { cardinality: OneOrMore })
  members!: RelationshipManager<Member>;
}

/** Pacing on a track: a runner paces at most one other and is paced by at most one (one model at both ends). */
@Node()
export class Runner extends NodeEntity {
  declare static readonly nodes: NodeSet<Runner>;
  @StringProperty({ unique: true }) name!: string;
  @RelationshipTo(() => Runner, 'PACES', { cardinality: ZeroOrOne }) pacer!: RelationshipManager<Runner>;
  @RelationshipFrom(() => Runner, 'PACES', { cardinality: ZeroOrOne }) pacedBy!: RelationshipManager<Runner>;
}
