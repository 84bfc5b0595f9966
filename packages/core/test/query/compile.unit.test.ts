import { Q, count } from '../../src';
import { Company, Person } from './social-graph';

describe('scratch', () => {
  it('prints', () => {
    const sets = [
      Person.nodes.filter({ age: { gte: 18, lt: 65 }, name: { startsWith: 'A' } }),
      Person.nodes.exclude({ email: { endsWith: '@spam.io' } }),
      Person.nodes.filter(Q.or({ age: { lt: 18 } }, Q.not({ name: 'Bob' }))),
      Person.nodes.orderBy('-age', 'name').skip(20).limit(10),
      Person.nodes.filter({ email: 'alice@example.com' }).traverse('friends').traverse('friends').distinct(),
      Person.nodes.has({ employer: true }),
      Person.nodes.filter({ friends: { name: 'Bob', $rel: { strength: { gt: 2 } } } }),
      Person.nodes.fetchRelations('employer', 'friends.employer'),
      Person.nodes.annotate({ friendCount: count('friends') }).orderBy('-friendCount'),
      Person.nodes.orderBy('employer.name').limit(3).fetchRelations('employer'),
      Company.nodes.traverse('employees').match({}),
    ];
    for (const set of sets) console.log(set.toCypher().cypher, set.toCypher().params);
  });
});
