// Compiled text is cached by the plan of a set, everything in it but its values (see plan-key.unit.test.ts).
import { returnClause, variable } from '@cartograph/cypher';
import { count, Q } from '../../src';
import { clearCompiledQueryCache as clearCompiledCache } from '../../src/internal';
import { cached } from '../../src/query/text-cache';
import { Person } from './social-graph';

const fresh = (build: () => { toCypher(): { cypher: string; params: Record<string, unknown> } }) => {
  clearCompiledCache();
  return build().toCypher();
};

describe('the compiled-query cache', () => {
  it('reuses the text for other values and sends the new values', () => {
    const a = Person.nodes.filter({ name: 'Alice', age: { gt: 1 } }).toCypher();
    const b = Person.nodes.filter({ name: 'Bob', age: { gt: 2 } }).toCypher();
    expect(b.cypher).toBe(a.cypher);
    expect(b.params).toEqual({ v0: 'Bob', v1: expect.objectContaining({ low: 2 }) });
  });

  it('gives the same text as compiling from scratch', () => {
    const sets = [
      () =>
        Person.nodes
          .filter(Q.or({ name: 'A' }, { friends: { age: { lt: 3 } } }))
          .orderBy('-age')
          .skip(1)
          .limit(2),
      () =>
        Person.nodes
          .annotate({ n: count('friends') })
          .filter({ n: { gt: 1 } })
          .traverse('employer')
          .distinct(),
      () => Person.nodes.fetchRelations('friends.employer').orderBy('employer.name').limit(3),
    ];
    for (const build of sets) {
      const cold = fresh(build);
      const warm = build().toCypher();
      expect(warm).toEqual(cold);
    }
  });

  it('tells apart plans that differ only in what a name refers to', () => {
    const first = Person.nodes
      .annotate({ x: count('friends'), y: count('employer') })
      .orderBy('x')
      .toCypher();
    const second = Person.nodes
      .annotate({ y: count('friends'), x: count('employer') })
      .orderBy('x')
      .toCypher();
    expect(second.cypher).not.toBe(first.cypher);
    expect(second).toEqual(
      fresh(() => Person.nodes.annotate({ y: count('friends'), x: count('employer') }).orderBy('x')),
    );
  });

  it('treats isNull flags as part of the text, not as values', () => {
    const isNull = Person.nodes.filter({ email: { isNull: true } }).toCypher();
    const notNull = Person.nodes.filter({ email: { isNull: false } }).toCypher();
    expect(isNull.cypher).toContain('IS NULL');
    expect(notNull.cypher).toContain('IS NOT NULL');
  });

  it('keeps paging values out of the text', () => {
    const a = Person.nodes.orderBy('name').skip(1).limit(2).toCypher();
    const b = Person.nodes.orderBy('name').skip(10).limit(20).toCypher();
    expect(b.cypher).toBe(a.cypher);
    expect(b.params).toEqual({ v0: 10n, v1: 20n });
  });
});

describe('cache verification in tests (CARTOGRAPH_VERIFY_QUERY_CACHE)', () => {
  it('is on in this suite', () => {
    expect(process.env.CARTOGRAPH_VERIFY_QUERY_CACHE).toBe('1');
  });

  it('fails when a cached text differs from the text the plan builds', () => {
    const state = Person.nodes.filter({ name: 'Alice' }).state;
    clearCompiledCache();
    const returning = (alias: string) => () => [returnClause([{ expr: variable('n'), alias }])];
    cached(state, 'verify-test', returning('a'));
    // The same plan building other text: what a compiler reading a part of the plan that the key
    // does not see (a value written into the text without a Bound) would cause.
    expect(() => cached(state, 'verify-test', returning('b'))).toThrow(
      "The compiled-query cache returned another query's text",
    );
  });
});
