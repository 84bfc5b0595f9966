// A small social graph for the query builder tests: people who know each other (KNOWS, with
// properties) and work at companies (WORKS_AT).
import 'reflect-metadata';
import neo4j from 'neo4j-driver';
import {
  AliasProperty,
  ArrayProperty,
  BooleanProperty,
  DateTimeProperty,
  FloatProperty,
  Graph,
  IntegerProperty,
  JsonProperty,
  Node,
  NodeEntity,
  type NodeSet,
  Rel,
  Relationship,
  RelationshipEntity,
  RelationshipFrom,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  StringType,
  ZeroOrOne,
} from '../../src';

@Rel('KNOWS')
export class Knows extends RelationshipEntity {
  @DateTimeProperty() since?: Date;
  @IntegerProperty() strength?: number;
}

@Node()
export class Company extends NodeEntity {
  declare static readonly nodes: NodeSet<Company>;
  @StringProperty({ required: true }) name!: string;
  @StringProperty() city?: string;
  @IntegerProperty() founded?: number;
  @RelationshipFrom(() => Person, 'WORKS_AT') employees!: RelationshipManager<Person>;
}

@Node()
export class Person extends NodeEntity {
  declare static readonly nodes: NodeSet<Person>;
  @StringProperty({ required: true }) name!: string;
  @StringProperty({ unique: true }) email?: string;
  @IntegerProperty() age?: number;
  @FloatProperty() score?: number;
  @BooleanProperty() active?: boolean;
  @ArrayProperty(StringType) tags?: string[];
  @DateTimeProperty() born?: Date;
  @StringProperty({ choices: ['free', 'pro'] }) plan?: 'free' | 'pro';
  @JsonProperty() settings?: { theme: string };
  @AliasProperty('name') displayName?: string;
  @Relationship(() => Person, 'KNOWS', { model: Knows }) friends!: RelationshipManager<Person, Knows>;
  @RelationshipTo(() => Company, 'WORKS_AT', { cardinality: ZeroOrOne })
  employer!: RelationshipManager<Company>;
}

/** The people of the test graph, by first name. */
export interface Social {
  alice: Person;
  bob: Person;
  carol: Person;
  dave: Person;
  eve: Person;
  frank: Person;
  acme: Company;
  globex: Company;
  initech: Company;
}

/**
 * Alice, Bob, Carol, Dave, Eve and Frank; Acme (Berlin), Globex (Paris) and Initech (no staff).
 * Friendships: Alice-Bob (2020, 5), Alice-Carol (2022, 3), Bob-Dave (2019, 1), Carol-Frank (2023, 4);
 * Eve knows nobody. Employment: Alice, Bob at Acme; Carol, Frank at Globex.
 */
export async function seedSocialGraph(): Promise<Social> {
  const [alice, bob, carol, dave, eve, frank] = await Person.createMany([
    {
      name: 'Alice',
      email: 'alice@example.com',
      age: 30,
      score: 4.5,
      active: true,
      tags: ['admin', 'dev'],
      born: new Date('1994-05-01T00:00:00Z'),
      plan: 'pro',
      settings: { theme: 'dark' },
    },
    {
      name: 'Bob',
      email: 'bob@example.com',
      age: 25,
      score: 3,
      active: false,
      tags: ['dev'],
      born: new Date('1999-01-01T00:00:00Z'),
      plan: 'free',
    },
    { name: 'Carol', email: 'carol@Example.org', age: 35, active: true, tags: ['ops', 'dev'], plan: 'pro' },
    { name: 'Dave', email: 'dave@spam.io', age: 17, active: true, tags: [] },
    { name: 'Eve' },
    { name: 'Frank', email: 'frank@example.com', age: 65, score: 1, tags: ['ops'] },
  ]);
  const [acme, globex, initech] = await Company.createMany([
    { name: 'Acme', city: 'Berlin', founded: 1990 },
    { name: 'Globex', city: 'Paris', founded: 2005 },
    { name: 'Initech', city: 'Austin', founded: 1999 },
  ]);
  const social = { alice, bob, carol, dave, eve, frank, acme, globex, initech } as Social;
  // Relationships are written with plain Cypher so these tests do not depend on connect().
  const knows = [
    [social.alice, social.bob, '2020-01-01T00:00:00Z', 5],
    [social.alice, social.carol, '2022-06-01T00:00:00Z', 3],
    [social.bob, social.dave, '2019-01-01T00:00:00Z', 1],
    [social.carol, social.frank, '2023-01-01T00:00:00Z', 4],
  ] as const;
  const worksAt = [
    [social.alice, social.acme],
    [social.bob, social.acme],
    [social.carol, social.globex],
    [social.frank, social.globex],
  ] as const;
  await Graph.current().driver.executeQuery(
    `UNWIND $knows AS k MATCH (a), (b) WHERE elementId(a) = k.a AND elementId(b) = k.b
     CREATE (a)-[:KNOWS {since: datetime(k.since), strength: k.strength}]->(b)`,
    {
      knows: knows.map(([a, b, since, strength]) => ({
        a: a.elementId,
        b: b.elementId,
        since,
        strength: neo4j.int(strength),
      })),
    },
  );
  await Graph.current().driver.executeQuery(
    'UNWIND $works AS w MATCH (a), (b) WHERE elementId(a) = w.a AND elementId(b) = w.b CREATE (a)-[:WORKS_AT]->(b)',
    { works: worksAt.map(([a, b]) => ({ a: a.elementId, b: b.elementId })) },
  );
  return social;
}

/** Sorted names of people (or companies). */
export function names(nodes: ReadonlyArray<{ name: string }>): string[] {
  return nodes.map((node) => node.name).sort();
}
