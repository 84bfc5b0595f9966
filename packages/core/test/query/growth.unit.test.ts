// The Cypher a chain produces grows linearly with the chain, never exponentially with nesting.
import { type FilterInput, type NodeSet, Q } from '../../src';
import { Person } from './social-graph';

/** Text length for chain lengths 1..n. */
function lengths(n: number, build: (k: number) => { toCypher(): { cypher: string } }): number[] {
  return Array.from({ length: n }, (_, i) => build(i + 1).toCypher().cypher.length);
}

/** Each extra step adds about the same amount of text (variable numbers may gain a digit). */
function expectLinear(sizes: number[]): void {
  const steps = sizes.slice(1).map((size, i) => size - (sizes[i] as number));
  const first = steps[0] as number;
  expect(first).toBeGreaterThan(0);
  for (const step of steps) {
    expect(step).toBeGreaterThanOrEqual(first);
    expect(step).toBeLessThanOrEqual(first + 12);
  }
}

describe('query text grows linearly', () => {
  it('with the number of traversals and filters', () => {
    const chain = (k: number) => {
      let set: NodeSet<Person, unknown> = Person.nodes.filter({ name: 'Alice' });
      for (let i = 0; i < k; i++) set = set.traverse('friends').filter({ age: { gt: i } });
      return set;
    };
    expectLinear(lengths(25, chain));
  });

  it('with WITH barriers between stages', () => {
    const chain = (k: number) => {
      let set: NodeSet<Person, unknown> = Person.nodes;
      for (let i = 0; i < k; i++) set = set.orderBy('name').limit(10).traverse('friends');
      return set;
    };
    expectLinear(lengths(25, chain));
  });

  it('with nested relationship filters', () => {
    const nested = (k: number) => {
      let filter: FilterInput<Person> = { name: 'Bob' };
      for (let i = 0; i < k; i++) filter = { friends: filter };
      return Person.nodes.filter(filter);
    };
    expectLinear(lengths(25, nested));
  });

  it('with nested Q expressions', () => {
    const nested = (k: number) => {
      let q = Q.or<Person>({ name: 'A' }, { age: 1 });
      for (let i = 0; i < k; i++) q = i % 2 ? Q.or(q, { name: 'B' }) : Q.not(Q.and(q, { age: { gt: i } }));
      return Person.nodes.filter(q);
    };
    const sizes = lengths(24, nested);
    // Alternating steps differ, so compare every second one.
    expectLinear(sizes.filter((_, i) => i % 2 === 0));
  });

  it('with eager-loading depth', () => {
    const deep = (k: number) =>
      Person.nodes.fetchRelations(Array.from({ length: k }, () => 'friends').join('.') as 'friends');
    expectLinear(lengths(20, deep));
  });
});
