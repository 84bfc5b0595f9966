// Compile-time contract of the builder: `tsc` checks this file (the @ts-expect-error lines must
// fail to type-check), and jest checks that the same mistakes also fail at run time.
import { avg, collect, count, max, type NodeSet, optional, Q, sum } from '../../src';
import { Company, Knows, Person } from './social-graph';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_proof?: T): void => undefined;

// Never called: only type-checked.
async function typeContract(alice: Person): Promise<void> {
  // Filters are keyed by the model's properties, operators typed by the property's TS type.
  Person.nodes.filter({ age: { gte: 18, lt: 65 }, name: { startsWith: 'A' }, tags: { includesAny: ['x'] } });
  Person.nodes.filter({ born: { lt: new Date() }, active: true, plan: { in: ['free', 'pro'] } });
  // @ts-expect-error unknown property
  Person.nodes.filter({ nickname: 'x' });
  // @ts-expect-error string operator on a number
  Person.nodes.filter({ age: { startsWith: '1' } });
  // @ts-expect-error unknown operator
  Person.nodes.filter({ age: { between: [1, 2] } });
  // @ts-expect-error wrong operand type
  Person.nodes.filter({ age: { gte: '18' } });
  // @ts-expect-error ordering operators do not apply to lists
  Person.nodes.filter({ tags: { gt: 'a' } });
  // @ts-expect-error choices keep their literal type
  Person.nodes.filter({ plan: 'gold' });

  // Q infers the model from where it is used.
  Person.nodes.filter(Q.or({ age: { lt: 18 } }, Q.not({ name: 'Bob' })));
  // @ts-expect-error Q checks keys too
  Person.nodes.filter(Q.or({ agee: 1 }));

  // Relationship filters are typed by the target and the relationship model.
  Person.nodes.filter({
    friends: { name: 'Bob', $rel: { strength: { gt: 1 } } },
    employer: { city: 'Paris' },
  });
  // @ts-expect-error Company has no age
  Person.nodes.filter({ employer: { age: 3 } });
  // @ts-expect-error Knows has no weight
  Person.nodes.filter({ friends: { $rel: { weight: 1 } } });

  // Traversal changes the model; match() is typed by the relationship model.
  const friends = Person.nodes.traverse('friends');
  assertType<Equal<typeof friends, NodeSet<Person, Knows>>>();
  friends.match({ since: { lt: new Date() } });
  // @ts-expect-error Knows has no weight
  friends.match({ weight: 1 });
  const employers: NodeSet<Company, unknown> = Person.nodes.traverse('employer');
  // @ts-expect-error not a relationship
  Person.nodes.traverse('name');

  // Order keys, related order keys and fetch paths are checked.
  Person.nodes.orderBy('-age', 'name', 'employer.name', '-friends.employer.city');
  // @ts-expect-error unknown order key
  Person.nodes.orderBy('height');
  Person.nodes.fetchRelations('employer', 'friends.employer', optional('friends.friends'));
  // @ts-expect-error unknown relationship path
  Person.nodes.fetchRelations('friends.boss');

  // Results are inferred.
  const rows = await Person.nodes.values('name', 'age');
  assertType<Equal<typeof rows, Pick<Person, 'name' | 'age'>[]>>();
  // @ts-expect-error not a field
  await Person.nodes.values('friends');

  const annotated = await Person.nodes
    .annotate({
      friendCount: count('friends'),
      names: collect('friends.name'),
      buddies: collect('friends'),
      mean: avg('friends.age'),
    })
    .orderBy('-friendCount')
    .filter({ friendCount: { gte: 2 } })
    .first();
  assertType<Equal<typeof annotated.friendCount, number>>();
  assertType<Equal<typeof annotated.names, string[]>>();
  assertType<Equal<typeof annotated.buddies, Person[]>>();
  assertType<Equal<typeof annotated.mean, number | null>>();
  // @ts-expect-error count needs a relationship path
  Person.nodes.annotate({ n: count('nope') });
  // @ts-expect-error sum needs a property at the end
  Person.nodes.annotate({ n: sum('friends') });

  const stats = await Person.nodes.aggregate({ people: count(), oldest: max('age'), names: collect('name') });
  assertType<Equal<typeof stats, { people: number; oldest: number | null; names: string[] }>>();
  const groups = await Person.nodes.groupBy('plan').aggregate({ n: count() });
  assertType<Equal<(typeof groups)[number]['n'], number>>();

  // Eager-loaded relations are typed through the relationship manager.
  const cached: Person[] | undefined = alice.friends.cached;
  const page = await Person.nodes.orderBy('name').paginate({ first: 10 });
  const first: Person | undefined = page.items[0];
  for await (const person of Person.nodes.stream()) assertType<Equal<typeof person, Person>>();
  await Person.nodes.update({ age: 3, plan: 'pro', score: null });
  // @ts-expect-error wrong type in update
  await Person.nodes.update({ age: 'three' });
  void [employers, cached, first];
}

describe('the same mistakes at run time', () => {
  it('are rejected with typed errors', () => {
    expect(typeof typeContract).toBe('function');
    expect(() => Person.nodes.filter({ nickname: 'x' } as never)).toThrow(/UNKNOWN|no filterable field/);
    expect(() => Person.nodes.traverse('name' as never)).toThrow(/no relationship "name"/);
    expect(() => Person.nodes.traverse('friends').match({ weight: 1 } as never)).toThrow(/Knows has no/);
    expect(() => Person.nodes.orderBy('height' as never)).toThrow(/no field "height"/);
    expect(() => Person.nodes.annotate({ n: sum('friends') } as never)).toThrow(/needs a property/);
  });
});
