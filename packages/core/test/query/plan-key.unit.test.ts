// The compile cache's key is the plan itself: everything in it but the values it sends as
// parameters. These tests hold plans side by side, without a database.
import neo4j from 'neo4j-driver';
import {
  collect,
  count,
  Node,
  NodeEntity,
  type NodeSet,
  optional,
  Q,
  StringProperty,
  softDelete,
  usePlugins,
} from '../../src';
import { Bound } from '../../src/query/bound';
import { PlanKey } from '../../src/query/plan-key';
import { applyPlugins } from '../../src/query/plugins/transform';
import { nodeScope } from '../../src/query/scopes';
import { stageScope } from '../../src/query/stage-scope';
import { lastStage, type NodeSetState } from '../../src/query/state';
import { registry } from '../../src/registry/schema-registry';
import { DIMENSIONS, SearchChunk } from './search/search-graph';
import { Company, Person } from './social-graph';

/** The key of a set as the compiler sees it (after the plugins), with the values it collects. */
function keyOf(set: NodeSet<unknown, unknown>, extra?: unknown) {
  return keyOfState(set.state, extra);
}

function keyOfState(state: NodeSetState, extra?: unknown) {
  const key = new PlanKey();
  const bounds: Bound[] = [];
  key.write('N', applyPlugins(state), extra, bounds);
  return { key, parts: key.copy(), values: bounds.map((bound) => bound.value) };
}

function sameKey(a: NodeSet<unknown, unknown>, b: NodeSet<unknown, unknown>): boolean {
  const first = keyOf(a);
  const second = keyOf(b);
  return second.key.matches(first.parts) && second.key.hash === first.key.hash;
}

/** Soft-deleted articles: the plugin adds a condition to every pattern that matches one. */
@Node()
class Article extends NodeEntity {
  declare static readonly nodes: NodeSet<Article>;
  @StringProperty() title!: string;
}
usePlugins(Article, softDelete());

const vector = (seed: number) => Array.from({ length: DIMENSIONS }, (_, i) => (i + seed) / DIMENSIONS);

describe('the compile cache key', () => {
  // Each pair differs in one structural part of the plan; its two texts differ, so must its keys.
  const pairs: ReadonlyArray<
    readonly [string, () => NodeSet<unknown, unknown>, () => NodeSet<unknown, unknown>]
  > = [
    ['the model of a stage', () => Person.nodes, () => Company.nodes],
    [
      'the relationship followed',
      () => Person.nodes.traverse('friends'),
      () => Person.nodes.traverse('employer'),
    ],
    [
      'the number of stages',
      () => Person.nodes.traverse('friends'),
      () => Person.nodes.traverse('friends').traverse('friends'),
    ],
    [
      'the property filtered',
      () => Person.nodes.filter({ name: 'A' }),
      () => Person.nodes.filter({ email: 'A' }),
    ],
    [
      'the operator',
      () => Person.nodes.filter({ age: { gt: 1 } }),
      () => Person.nodes.filter({ age: { gte: 1 } }),
    ],
    ['a negation', () => Person.nodes.filter({ name: 'A' }), () => Person.nodes.exclude({ name: 'A' })],
    [
      'and / or',
      () => Person.nodes.filter(Q.and({ name: 'A' }, { age: 1 })),
      () => Person.nodes.filter(Q.or({ name: 'A' }, { age: 1 })),
    ],
    [
      'IS NULL / IS NOT NULL',
      () => Person.nodes.filter({ email: null }),
      () => Person.nodes.filter({ email: { isNull: false } }),
    ],
    [
      'a filter on the relationship or on the node',
      () => Person.nodes.traverse('friends').match({ strength: 1 }),
      () => Person.nodes.traverse('friends').filter({ age: 1 }),
    ],
    [
      'the hop of has()',
      () => Person.nodes.has({ friends: true }),
      () => Person.nodes.has({ employer: true }),
    ],
    [
      'has() / hasNot()',
      () => Person.nodes.has({ friends: true }),
      () => Person.nodes.hasNot({ friends: true }),
    ],
    [
      'a filter on the far side of has()',
      () => Person.nodes.has({ employer: { name: 'Acme' } }),
      () => Person.nodes.has({ employer: { city: 'Acme' } }),
    ],
    [
      'the vector searched',
      () => SearchChunk.nodes.nearest('embedding', vector(1), { k: 3 }),
      () => SearchChunk.nodes.nearest('position', vector(1), { k: 3 }),
    ],
    [
      'a vector or a full-text search',
      () => SearchChunk.nodes.nearest('embedding', vector(1), { k: 3 }),
      () => SearchChunk.nodes.search('text', 'graph', { k: 3 }),
    ],
    [
      'a minimum score',
      () => SearchChunk.nodes.search('text', 'graph', { k: 3 }),
      () => SearchChunk.nodes.search('text', 'graph', { k: 3, minScore: 0.5 }),
    ],
    [
      'candidates beyond k (the search is limited to k)',
      () => SearchChunk.nodes.search('text', 'graph', { k: 3 }),
      () => SearchChunk.nodes.search('text', 'graph', { k: 3, candidates: 9 }),
    ],
    [
      'the relation loaded',
      () => Person.nodes.fetchRelations('friends'),
      () => Person.nodes.fetchRelations('employer'),
    ],
    [
      'an optional relation',
      () => Person.nodes.fetchRelations('employer'),
      () => Person.nodes.fetchRelations(optional('employer')),
    ],
    [
      'the aggregate of an annotation',
      () => Person.nodes.annotate({ n: count('friends') }),
      () => Person.nodes.annotate({ n: collect('friends') }),
    ],
    [
      'the path of an annotation',
      () => Person.nodes.annotate({ n: count('friends') }),
      () => Person.nodes.annotate({ n: count('employer') }),
    ],
    [
      'a distinct annotation',
      () => Person.nodes.annotate({ n: count('friends') }),
      () => Person.nodes.annotate({ n: count('friends', { distinct: true }) }),
    ],
    [
      'what an annotation name refers to',
      () => Person.nodes.annotate({ x: count('friends'), y: count('employer') }).orderBy('x'),
      () => Person.nodes.annotate({ y: count('friends'), x: count('employer') }).orderBy('x'),
    ],
    ['the sort direction', () => Person.nodes.orderBy('name'), () => Person.nodes.orderBy('-name')],
    ['a related sort key', () => Person.nodes.orderBy('name'), () => Person.nodes.orderBy('employer.name')],
    ['skip or limit', () => Person.nodes.skip(1), () => Person.nodes.limit(1)],
    ['limit alone or with skip', () => Person.nodes.limit(1), () => Person.nodes.skip(1).limit(1)],
    [
      'paging before a traversal',
      () => Person.nodes.traverse('friends'),
      () => Person.nodes.limit(1).traverse('friends'),
    ],
    ['distinct', () => Person.nodes.traverse('friends'), () => Person.nodes.traverse('friends').distinct()],
    [
      'the bounds of a variable-length traversal',
      () => Person.nodes.traverse('friends', { min: 1, max: 2 }),
      () => Person.nodes.traverse('friends', { min: 1, max: 3 }),
    ],
    [
      'one row per path',
      () => Person.nodes.traverse('friends', { max: 2 }),
      () => Person.nodes.traverse('friends', { max: 2, distinct: false }),
    ],
    [
      "a plugin's condition (set by the plugin options, which the key itself leaves out)",
      () => Article.nodes,
      () => Article.nodes.withDeleted(),
    ],
  ];

  it.each(pairs)('tells apart plans that differ in %s', (_, first, second) => {
    expect(first().toCypher().cypher).not.toBe(second().toCypher().cypher);
    expect(sameKey(first(), second())).toBe(false);
  });

  // Nothing built anew for each query (a closure, a type object) may reach the key by identity.
  it.each(pairs)('keys a plan built twice alike (%s)', (_, first, second) => {
    expect(sameKey(first(), first())).toBe(true);
    expect(sameKey(second(), second())).toBe(true);
  });

  it('is the same for plans that differ only in their values, and collects the values in order', () => {
    const alice = keyOf(
      Person.nodes
        .filter({ name: 'Alice', age: { gt: 1 } })
        .orderBy('name')
        .skip(1)
        .limit(2),
    );
    const bob = keyOf(
      Person.nodes
        .filter({ name: 'Bob', age: { gt: 2 } })
        .orderBy('name')
        .skip(10)
        .limit(20),
    );
    expect(bob.key.matches(alice.parts)).toBe(true);
    expect(bob.key.hash).toBe(alice.key.hash);
    expect(alice.values).toEqual(['Alice', neo4j.int(1), 1n, 2n]);
    expect(bob.values).toEqual(['Bob', neo4j.int(2), 10n, 20n]);
  });

  it('is the same for searches that differ only in the vector, the query text and the counts', () => {
    expect(
      sameKey(
        SearchChunk.nodes.nearest('embedding', vector(1), { k: 3 }).filter({ lang: 'de' }),
        SearchChunk.nodes.nearest('embedding', vector(2), { k: 5 }).filter({ lang: 'en' }),
      ),
    ).toBe(true);
    expect(
      sameKey(
        SearchChunk.nodes.search('text', 'graph', { k: 3, minScore: 0.1 }),
        SearchChunk.nodes.search('text', 'database', { k: 4, minScore: 0.2 }),
      ),
    ).toBe(true);
  });

  it('leaves out what the compiler never reads: call options, the lenient handler, plugin options', () => {
    const plain = Person.nodes.filter({ name: 'Alice' });
    const decorated = Person.nodes
      .withOptions({ timeoutMs: 1_000 })
      .lenient(() => {})
      .withPluginOptions({ withDeleted: true })
      .filter({ name: 'Alice' });
    expect(sameKey(plain, decorated)).toBe(true);
  });

  it('names a registry record by identity, not by what it holds', () => {
    const definition = registry.node(Person);
    const { parts } = keyOf(Person.nodes);
    expect(parts).toContain(definition);
  });

  it('takes down a Bound met twice as its index, so the text can use one parameter twice', () => {
    const state = Person.nodes.state;
    const stage = state.stages[0];
    if (stage === undefined) throw new Error('no stage');
    const withWhere = (where: NodeSetState['stages'][number]['where']): NodeSetState => ({
      ...state,
      stages: [{ ...stage, where }],
    });
    const tenant = new Bound('acme');
    const shared = withWhere([
      { k: 'op', on: 'node', key: 'name', op: 'eq', value: tenant },
      { k: 'op', on: 'node', key: 'email', op: 'eq', value: tenant },
    ]);
    const separate = withWhere([
      { k: 'op', on: 'node', key: 'name', op: 'eq', value: new Bound('acme') },
      { k: 'op', on: 'node', key: 'email', op: 'eq', value: new Bound('acme') },
    ]);
    const one = keyOfState(shared);
    const two = keyOfState(separate);
    expect(one.values).toEqual(['acme']);
    expect(two.values).toEqual(['acme', 'acme']);
    expect(two.key.matches(one.parts)).toBe(false);
  });

  it('includes what a projection adds to the plan (its columns)', () => {
    const scope = nodeScope(registry.node(Person));
    const column = (name: string) => [scope.field(name)];
    const byName = keyOf(Person.nodes, column('name'));
    const byEmail = keyOf(Person.nodes, column('email'));
    expect(byEmail.key.matches(byName.parts)).toBe(false);
    expect(keyOf(Person.nodes, column('name')).key.matches(byName.parts)).toBe(true);
  });

  it('keys a column on a collect() annotation alike from call to call', () => {
    const set = () => Person.nodes.annotate({ friendNames: collect('friends.name') });
    const column = () => [stageScope(lastStage(set().state)).field('friendNames')];
    expect(keyOf(set(), column()).key.matches(keyOf(set(), column()).parts)).toBe(true);
  });

  it('sends the values of a cached text as parameters numbered in the order of the text', () => {
    Person.nodes
      .filter({ name: 'Alice' })
      .traverse('friends')
      .filter({ age: { gt: 1 } })
      .toCypher();
    const { cypher, params } = Person.nodes
      .filter({ name: 'Bob' })
      .traverse('friends')
      .filter({ age: { gt: 2 } })
      .toCypher();
    expect(cypher).toContain('n0.name = $v0');
    expect(cypher).toContain('n1.age > $v1');
    expect(params).toEqual({ v0: 'Bob', v1: neo4j.int(2) });
  });
});
