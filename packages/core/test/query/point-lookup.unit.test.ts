// `Model.nodes.get({ key: value })` takes its query from a plan made once per model and key list.
import neo4j from 'neo4j-driver';
import { InvalidFilterError, Node, NodeEntity, type NodeSet, Q, StringProperty } from '../../src';
import { compileNodes } from '../../src/query/compile';
import { pointLookup } from '../../src/query/point-lookup';
import { Person } from './social-graph';

@Node()
class ApiClient extends NodeEntity {
  declare static readonly nodes: NodeSet<ApiClient>;
  @StringProperty({ unique: true }) name!: string;
  @StringProperty({ sensitive: true }) apiKey!: string;
}

/** What the general path sends for `get(filters)`: the filtered set, two rows at most. */
const general = (set: NodeSet<object>, filters: Record<string, unknown>) =>
  compileNodes(set.filter(filters).limit(2).state).compiled;

describe('point lookups', () => {
  it('send the query of the general path: text, parameters and the limit of two rows', () => {
    const lookup = pointLookup(Person.nodes.state, { email: 'alice@example.com' });

    expect(lookup).toEqual(general(Person.nodes, { email: 'alice@example.com' }));
    expect(lookup?.params).toEqual({ v0: 'alice@example.com', v1: 2n });
  });

  it('reuse the plan of a key list for other values', () => {
    const first = pointLookup(Person.nodes.state, { email: 'alice@example.com' });
    const second = pointLookup(Person.nodes.state, { email: 'bob@example.com' });

    expect(second?.cypher).toBe(first?.cypher);
    expect(second?.params.v0).toBe('bob@example.com');
  });

  it('convert each value through its property type, as a filter does', () => {
    const lookup = pointLookup(Person.nodes.state, { age: 30, name: 'Alice' });

    expect(lookup?.params).toEqual({ v0: neo4j.int(30), v1: 'Alice', v2: 2n });
    expect(lookup).toEqual(general(Person.nodes, { age: 30, name: 'Alice' }));
  });

  it('look up by element id', () => {
    const lookup = pointLookup(Person.nodes.state, { elementId: '4:abc:7' });

    expect(lookup).toEqual(general(Person.nodes, { elementId: '4:abc:7' }));
  });

  it('mark the values of sensitive properties for the query log', () => {
    const lookup = pointLookup(ApiClient.nodes.state, { apiKey: 'k-123' });

    expect(lookup?.sensitive).toEqual(['v0']);
    expect(lookup).toEqual(general(ApiClient.nodes, { apiKey: 'k-123' }));
  });

  it('raise the error of the general path for a value that does not fit', () => {
    expect(() => pointLookup(Person.nodes.state, { age: 'thirty' })).toThrow(InvalidFilterError);
  });

  it('leave operators, null, relationships, unknown keys and Q expressions to the general path', () => {
    for (const filters of [
      { age: { gt: 30 } },
      { email: null },
      { friends: true },
      { nickname: 'Al' },
      Q.or<Person>({ name: 'Alice' }, { name: 'Bob' }),
      {},
    ] as unknown[]) {
      expect(pointLookup(Person.nodes.state, filters)).toBeUndefined();
    }
  });

  it('leave sets that are not a whole model to the general path', () => {
    for (const set of [
      Person.nodes.filter({ active: true }),
      Person.nodes.orderBy('name'),
      Person.nodes.withOptions({ timeoutMs: 1_000 }),
      Person.nodes.fetchRelations('employer'),
      Person.nodes.traverse('friends'),
    ]) {
      expect(pointLookup(set.state, { email: 'alice@example.com' })).toBeUndefined();
    }
  });
});
