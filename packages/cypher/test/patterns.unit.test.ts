import {
  create,
  InvalidIdentifierError,
  InvalidQueryError,
  map,
  match,
  node,
  param,
  pathPattern,
  pattern,
  query,
  rel,
  render,
  returnClause,
  variable,
} from '../src';

const matchText = (...args: Parameters<typeof match>) =>
  render(query(match(...args), returnClause([variable('x')]))).cypher.split('\n')[0];

describe('node patterns', () => {
  it('renders an anonymous, unlabelled node', () => {
    expect(matchText(node())).toBe('MATCH ()');
  });

  it('renders a variable with labels', () => {
    expect(matchText(node('x', ['Person', 'Employee']))).toBe('MATCH (x:Person:Employee)');
  });

  it('renders labels without a variable', () => {
    expect(matchText(node(undefined, ['Company']))).toBe('MATCH (:Company)');
  });

  it('renders inline properties as parameters', () => {
    const compiled = render(query(match(node('x', ['Person'], map({ email: param('ada@example.com') })))));
    expect(compiled.cypher).toBe('MATCH (x:Person {email: $p0})');
    expect(compiled.params).toEqual({ p0: 'ada@example.com' });
  });

  it('renders properties without variable or labels', () => {
    expect(matchText(node(undefined, [], map({ id: param(1) })))).toBe('MATCH ({id: $p0})');
  });

  it('renders a parameter as the whole property map (for CREATE)', () => {
    expect(render(query(create(node('x', ['Person'], param({ name: 'Ada' }))))).cypher).toBe(
      'CREATE (x:Person $p0)',
    );
  });

  it('escapes labels and variables', () => {
    expect(matchText(node('my node', ['Board Member']))).toBe('MATCH (`my node`:`Board Member`)');
  });
});

describe('relationship patterns', () => {
  const hop = (relationship: ReturnType<typeof rel>) =>
    matchText(pattern(node('x', ['Person']), [relationship, node('c', ['Company'])]));

  it('renders an outgoing typed relationship with a variable', () => {
    expect(hop(rel({ variable: 'r', types: ['WORKS_AT'], direction: 'out' }))).toBe(
      'MATCH (x:Person)-[r:WORKS_AT]->(c:Company)',
    );
  });

  it('renders an incoming relationship with alternative types', () => {
    expect(hop(rel({ types: ['FOUNDED', 'WORKS_AT'], direction: 'in' }))).toBe(
      'MATCH (x:Person)<-[:FOUNDED|WORKS_AT]-(c:Company)',
    );
  });

  it('renders an undirected relationship', () => {
    expect(hop(rel({ types: ['KNOWS'], direction: 'both' }))).toBe('MATCH (x:Person)-[:KNOWS]-(c:Company)');
  });

  it('renders bare arrows when nothing is specified', () => {
    expect(hop(rel({ direction: 'out' }))).toBe('MATCH (x:Person)-->(c:Company)');
    expect(hop(rel({ direction: 'in' }))).toBe('MATCH (x:Person)<--(c:Company)');
    expect(hop(rel({ direction: 'both' }))).toBe('MATCH (x:Person)--(c:Company)');
  });

  it('renders relationship properties', () => {
    expect(
      hop(
        rel({
          variable: 'r',
          types: ['WORKS_AT'],
          direction: 'out',
          properties: map({ since: param(2020) }),
        }),
      ),
    ).toBe('MATCH (x:Person)-[r:WORKS_AT {since: $p0}]->(c:Company)');
  });

  it('renders a bounded variable-length relationship', () => {
    expect(hop(rel({ types: ['KNOWS'], direction: 'both', length: { min: 1, max: 3 } }))).toBe(
      'MATCH (x:Person)-[:KNOWS*1..3]-(c:Company)',
    );
  });

  it('renders an unbounded variable-length relationship', () => {
    expect(hop(rel({ direction: 'both', length: {} }))).toBe('MATCH (x:Person)-[*]-(c:Company)');
  });

  it('renders half-open and exact lengths', () => {
    expect(hop(rel({ direction: 'out', length: { min: 2 } }))).toBe('MATCH (x:Person)-[*2..]->(c:Company)');
    expect(hop(rel({ direction: 'out', length: { max: 4 } }))).toBe('MATCH (x:Person)-[*..4]->(c:Company)');
    expect(hop(rel({ direction: 'out', length: { min: 2, max: 2 } }))).toBe(
      'MATCH (x:Person)-[*2]->(c:Company)',
    );
  });

  it('renders length before properties', () => {
    expect(
      hop(
        rel({
          variable: 'r',
          types: ['KNOWS'],
          direction: 'out',
          length: { min: 1, max: 2 },
          properties: map({ active: param(true) }),
        }),
      ),
    ).toBe('MATCH (x:Person)-[r:KNOWS*1..2 {active: $p0}]->(c:Company)');
  });

  it('rejects negative, fractional or inverted lengths', () => {
    expect(() => rel({ direction: 'out', length: { min: -1 } })).toThrow(InvalidQueryError);
    expect(() => rel({ direction: 'out', length: { max: 1.5 } })).toThrow(InvalidQueryError);
    expect(() => rel({ direction: 'out', length: { min: 3, max: 1 } })).toThrow(InvalidQueryError);
  });

  it('rejects an unknown direction', () => {
    expect(() => rel({ direction: 'sideways' as 'out' })).toThrow(InvalidQueryError);
  });

  it('escapes relationship types', () => {
    expect(hop(rel({ types: ['WORKS AT'], direction: 'out' }))).toBe(
      'MATCH (x:Person)-[:`WORKS AT`]->(c:Company)',
    );
  });

  it('rejects invalid relationship types when built', () => {
    expect(() => rel({ types: [''], direction: 'out' })).toThrow(InvalidIdentifierError);
  });
});

describe('chains and paths', () => {
  it('renders a two-hop chain', () => {
    const chain = pattern(
      node('x', ['Person']),
      [rel({ types: ['KNOWS'], direction: 'out' }), node('friend', ['Person'])],
      [rel({ types: ['WORKS_AT'], direction: 'out' }), node('c', ['Company'])],
    );
    expect(matchText(chain)).toBe('MATCH (x:Person)-[:KNOWS]->(friend:Person)-[:WORKS_AT]->(c:Company)');
  });

  it('renders a named path', () => {
    const path = pathPattern('p', node('x', ['Person']), [
      rel({ types: ['KNOWS'], direction: 'out' }),
      node('y'),
    ]);
    expect(matchText(path)).toBe('MATCH p = (x:Person)-[:KNOWS]->(y)');
  });

  it('renders several comma-separated patterns', () => {
    expect(matchText([node('x', ['Person']), node('c', ['Company'])])).toBe('MATCH (x:Person), (c:Company)');
  });
});
