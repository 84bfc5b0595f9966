// Snapshots of the Cypher and parameters each builder feature compiles to (no database).
import { isInt } from 'neo4j-driver';
import { avg, collect, count, max, optional, Q } from '../../src';
import { Company, Person } from './social-graph';

/** Cypher plus parameters, with driver integers shown as `int(n)`. */
function show(set: { toCypher(): { cypher: string; params: Record<string, unknown> } }): string {
  const { cypher, params } = set.toCypher();
  const shown = JSON.stringify(params, (_key, value: unknown) =>
    isInt(value) ? `int(${value.toString()})` : typeof value === 'bigint' ? `${value}n` : value,
  );
  return `${cypher}\n-- ${shown}`;
}

describe('filters', () => {
  it('operators on one field are combined with AND, values become parameters', () => {
    expect(
      show(Person.nodes.filter({ age: { gte: 18, lt: 65 }, name: { startsWith: 'A' } })),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE n0.age >= $v0 AND n0.age < $v1 AND n0.name STARTS WITH $v2
RETURN n0
-- {"v0":"int(18)","v1":"int(65)","v2":"A"}"
`);
  });

  it('case-insensitive operators lower both sides', () => {
    expect(
      show(
        Person.nodes.filter({
          email: { iEndsWith: '@EXAMPLE.COM' },
          name: { iExact: 'bob', iContains: 'o' },
        }),
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE toLower(n0.email) ENDS WITH toLower($v0) AND toLower(n0.name) = toLower($v1) AND toLower(n0.name) CONTAINS toLower($v2)
RETURN n0
-- {"v0":"@EXAMPLE.COM","v1":"bob","v2":"o"}"
`);
  });

  it('in, notIn, regex, isNull and list operators', () => {
    expect(
      show(
        Person.nodes.filter({
          age: { in: [1, 2], notIn: [3] },
          name: { regex: 'A.*' },
          email: null,
          score: { isNull: false },
          tags: { includes: 'a', includesAny: ['b'], includesAll: ['c', 'd'] },
        }),
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE n0.age IN $v0 AND NOT (n0.age IN $v1) AND n0.name =~ $v2 AND n0.email IS NULL AND n0.score IS NOT NULL AND $v3 IN n0.tags AND size([x1 IN n0.tags WHERE x1 IN $v4]) > 0 AND n0.tags IS NOT NULL AND size([x2 IN $v5 WHERE NOT (x2 IN n0.tags)]) = 0
RETURN n0
-- {"v0":["int(1)","int(2)"],"v1":["int(3)"],"v2":"A.*","v3":"a","v4":["b"],"v5":["c","d"]}"
`);
  });

  it('exclude and Q.not are complements (null counts as not matching)', () => {
    expect(show(Person.nodes.exclude({ email: { endsWith: '@spam.io' } }))).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE NOT coalesce(n0.email ENDS WITH $v0, false)
RETURN n0
-- {"v0":"@spam.io"}"
`);
    expect(
      show(Person.nodes.filter(Q.or({ age: { lt: 18 } }, Q.not({ name: 'Bob' })))),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE n0.age < $v0 OR NOT coalesce(n0.name = $v1, false)
RETURN n0
-- {"v0":"int(18)","v1":"Bob"}"
`);
  });

  it('datetimes are sent as DateTime values', () => {
    expect(
      show(Person.nodes.filter({ born: { lt: new Date('2000-01-01T00:00:00Z') } })),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE n0.born < $v0
RETURN n0
-- {"v0":{"year":2000,"month":1,"day":1,"hour":0,"minute":0,"second":0,"nanosecond":0,"timeZoneOffsetSeconds":0}}"
`);
  });

  it('relationship filters become EXISTS subqueries, nested per hop', () => {
    expect(show(Person.nodes.has({ employer: true }).hasNot({ friends: true }))).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE EXISTS { MATCH (n0)-[:WORKS_AT]->(m1:Company) } AND NOT EXISTS { MATCH (n0)-[:KNOWS]-(m2:Person) }
RETURN n0
-- {}"
`);
    expect(
      show(
        Person.nodes.filter({
          friends: { name: 'Bob', $rel: { strength: { gt: 2 } }, employer: { city: 'Paris' } },
        }),
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE EXISTS { MATCH (n0)-[r2:KNOWS]-(m1:Person) WHERE m1.name = $v0 AND EXISTS { MATCH (m1)-[:WORKS_AT]->(m3:Company) WHERE m3.city = $v1 } AND r2.strength > $v2 }
RETURN n0
-- {"v0":"Bob","v1":"Paris","v2":"int(2)"}"
`);
  });

  it('elementId filters use elementId()', () => {
    expect(show(Person.nodes.filter({ elementId: { in: ['4:x:1'] } }))).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE elementId(n0) IN $v0
RETURN n0
-- {"v0":["4:x:1"]}"
`);
  });
});

describe('traversal', () => {
  it('consecutive stages share one MATCH pattern', () => {
    expect(
      show(
        Person.nodes
          .filter({ email: 'alice@example.com' })
          .traverse('friends')
          .traverse('friends')
          .distinct(),
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person)-[:KNOWS]-(n1:Person)-[:KNOWS]-(n2:Person) WHERE n0.email = $v0
WITH DISTINCT n2
RETURN n2
-- {"v0":"alice@example.com"}"
`);
  });

  it('match() filters the relationship of the last hop', () => {
    expect(
      show(
        Company.nodes
          .filter({ name: 'Acme' })
          .traverse('employees')
          .traverse('friends')
          .match({ strength: { gte: 3 } }),
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Company)<-[:WORKS_AT]-(n1:Person)-[r3:KNOWS]-(n2:Person) WHERE n0.name = $v0 AND r3.strength >= $v1
RETURN n2
-- {"v0":"Acme","v1":"int(3)"}"
`);
  });

  it('paging or ordering before a traversal closes the pattern with WITH', () => {
    expect(
      show(Person.nodes.orderBy('-age').limit(5).traverse('employer').filter({ city: 'Paris' })),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person)
WITH n0 ORDER BY n0.age DESC LIMIT $v0
MATCH (n0)-[:WORKS_AT]->(n1:Company) WHERE n1.city = $v1
RETURN n1
-- {"v0":"5n","v1":"Paris"}"
`);
  });
});

describe('variable-length traversal', () => {
  it('is one variable-length pattern, distinct by default, filters on the far end', () => {
    expect(
      show(
        Person.nodes
          .filter({ email: 'alice@example.com' })
          .traverse('friends', { min: 1, max: 3 })
          .filter({ age: { gte: 30 } }),
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person)-[:KNOWS*1..3]-(n1:Person) WHERE n0.email = $v0 AND n1.age >= $v1
WITH DISTINCT n1
RETURN n1
-- {"v0":"alice@example.com","v1":"int(30)"}"
`);
  });

  it('keeps one row per path with distinct: false, in one pattern with the next hop', () => {
    expect(
      show(
        Person.nodes
          .filter({ email: 'alice@example.com' })
          .traverse('friends', { exactly: 2, distinct: false })
          .traverse('employer'),
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person)-[:KNOWS*2]-(n1:Person)-[:WORKS_AT]->(n2:Company) WHERE n0.email = $v0
RETURN n2
-- {"v0":"alice@example.com"}"
`);
  });

  it('closes a distinct variable-length stage with WITH DISTINCT before the next hop', () => {
    const within = Person.nodes.filter({ email: 'alice@example.com' }).traverse('friends', { max: 2 });
    expect(show(within.traverse('employer'))).toMatchInlineSnapshot(`
"MATCH (n0:Person)-[:KNOWS*1..2]-(n1:Person) WHERE n0.email = $v0
WITH DISTINCT n1
MATCH (n1)-[:WORKS_AT]->(n2:Company)
RETURN n2
-- {"v0":"alice@example.com"}"
`);
  });

  it('compiles different bounds to different text (the compile cache tells them apart)', () => {
    const start = Person.nodes.filter({ email: 'alice@example.com' });
    const texts = [
      start.traverse('friends', { max: 2 }),
      start.traverse('friends', { max: 3 }),
      start.traverse('friends', { min: 2, max: 3 }),
      start.traverse('friends', { max: 3, distinct: false }),
      start.traverse('friends'),
    ].map((set) => set.toCypher().cypher);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('ordering and paging', () => {
  it('ORDER BY with SKIP / LIMIT as integer parameters', () => {
    expect(show(Person.nodes.orderBy('-age', 'name').skip(20).limit(10))).toMatchInlineSnapshot(`
"MATCH (n0:Person)
RETURN n0 ORDER BY n0.age DESC, n0.name ASC SKIP $v0 LIMIT $v1
-- {"v0":"20n","v1":"10n"}"
`);
  });

  it('related properties sort by a COLLECT subquery', () => {
    expect(show(Person.nodes.orderBy('-employer.name'))).toMatchInlineSnapshot(`
"MATCH (n0:Person)
RETURN n0 ORDER BY COLLECT { MATCH (n0)-[:WORKS_AT]->(m1:Company) WHERE m1.name IS NOT NULL RETURN m1.name ORDER BY m1.name DESC LIMIT 1 }[0] DESC
-- {}"
`);
  });
});

describe('eager loading', () => {
  it('nested COLLECT subqueries, required paths filtered with EXISTS', () => {
    expect(show(Person.nodes.fetchRelations('employer', 'friends.employer'))).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE EXISTS { MATCH (n0)-[:WORKS_AT]->(m1:Company) } AND EXISTS { MATCH (n0)-[:KNOWS]-(m2:Person) WHERE EXISTS { MATCH (m2)-[:WORKS_AT]->(m3:Company) } }
RETURN n0, COLLECT { MATCH (n0)-[:WORKS_AT]->(f4:Company) RETURN f4 } AS f5, COLLECT { MATCH (n0)-[:KNOWS]-(f6:Person) RETURN {n: f6, c0: COLLECT { MATCH (f6)-[:WORKS_AT]->(f7:Company) RETURN f7 }} } AS f8
-- {}"
`);
  });

  it('optional paths do not filter; paging happens before loading', () => {
    expect(
      show(Person.nodes.fetchRelations(optional('employer')).orderBy('name').limit(10)),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person)
WITH n0 ORDER BY n0.name ASC LIMIT $v0
RETURN n0, COLLECT { MATCH (n0)-[:WORKS_AT]->(f1:Company) RETURN f1 } AS f2
-- {"v0":"10n"}"
`);
  });
});

describe('annotations', () => {
  it('COUNT / COLLECT subqueries, and CALL for numeric aggregates', () => {
    expect(
      show(
        Person.nodes
          .annotate({
            friendCount: count('friends'),
            names: collect('friends.name'),
            oldest: max('friends.age'),
            mean: avg('friends.age'),
          })
          .orderBy('-friendCount'),
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person)
CALL (n0) { MATCH (n0)-[:KNOWS]-(m5:Person) WHERE m5.age IS NOT NULL RETURN max(m5.age) AS a6 }
CALL (n0) { MATCH (n0)-[:KNOWS]-(m7:Person) WHERE m7.age IS NOT NULL RETURN avg(m7.age) AS a8 }
RETURN n0, COUNT { MATCH (n0)-[:KNOWS]-(m1:Person) } AS a2, COLLECT { MATCH (n0)-[:KNOWS]-(m3:Person) WHERE m3.name IS NOT NULL RETURN m3.name } AS a4, a6, a8 ORDER BY a2 DESC
-- {}"
`);
  });

  it('filters on annotations run after they are computed', () => {
    expect(
      show(
        Person.nodes
          .annotate({ friendCount: count('friends') })
          .filter({ friendCount: { gte: 2 }, age: { gt: 20 } }),
      ),
    ).toMatchInlineSnapshot(`
"MATCH (n0:Person) WHERE n0.age > $v1
WITH n0, COUNT { MATCH (n0)-[:KNOWS]-(m1:Person) } AS a2 WHERE a2 >= $v0
RETURN n0, a2
-- {"v0":2,"v1":"int(20)"}"
`);
  });
});
