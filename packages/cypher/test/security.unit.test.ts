import {
  create,
  createConstraint,
  eq,
  hasLabels,
  InvalidIdentifierError,
  map,
  match,
  node,
  param,
  pattern,
  prop,
  query,
  rel,
  render,
  returnClause,
  variable,
} from '../src';

const HOSTILE = "'); MATCH (n) DETACH DELETE n //";

describe('hostile input', () => {
  it('keeps a hostile value out of the query text', () => {
    const compiled = render(
      query(
        match(node('p', ['Person']), { where: eq(prop('p', 'name'), param(HOSTILE)) }),
        returnClause([variable('p')]),
      ),
    );
    expect(compiled.cypher).toBe('MATCH (p:Person) WHERE p.name = $p0\nRETURN p');
    expect(compiled.cypher).not.toContain('DETACH');
    expect(compiled.params).toEqual({ p0: HOSTILE });
  });

  it('keeps hostile values in inline property maps out of the text', () => {
    const compiled = render(query(create(node('p', ['Person'], map({ name: param(HOSTILE) })))));
    expect(compiled.cypher).toBe('CREATE (p:Person {name: $p0})');
  });

  it('confines a hostile label to one quoted name', () => {
    const { cypher } = render(query(match(node('p', [HOSTILE])), returnClause([variable('p')])));
    expect(cypher).toBe("MATCH (p:`'); MATCH (n) DETACH DELETE n //`)\nRETURN p");
  });

  it('confines a hostile label containing backticks', () => {
    const label = 'Person`) DETACH DELETE p //';
    const { cypher } = render(query(match(node('p', [label])), returnClause([variable('p')])));
    expect(cypher).toBe('MATCH (p:`Person``) DETACH DELETE p //`)\nRETURN p');
  });

  it('confines hostile relationship types, property keys, map keys and aliases', () => {
    const ast = query(
      match(pattern(node('a'), [rel({ types: [HOSTILE], direction: 'out' }), node('b')]), {
        where: eq(prop('a', HOSTILE), param(1)),
      }),
      returnClause([{ expr: map({ [HOSTILE]: variable('b') }), alias: HOSTILE }]),
    );
    const quoted = "`'); MATCH (n) DETACH DELETE n //`";
    expect(render(ast).cypher).toBe(
      `MATCH (a)-[:${quoted}]->(b) WHERE a.${quoted} = $p0\nRETURN {${quoted}: b} AS ${quoted}`,
    );
  });

  it('confines a hostile label in a label predicate', () => {
    const { cypher } = render(
      query(match(node('p'), { where: hasLabels('p', [HOSTILE]) }), returnClause([variable('p')])),
    );
    expect(cypher).toBe("MATCH (p) WHERE p:`'); MATCH (n) DETACH DELETE n //`\nRETURN p");
  });

  it('refuses a label that hides a backtick as a Unicode escape', () => {
    expect(() => node('p', ['Person\\u0060) DETACH DELETE p //'])).toThrow(InvalidIdentifierError);
  });

  it('refuses a hostile label in a schema command at build time', () => {
    expect(() =>
      createConstraint({
        name: 'x',
        entity: 'node',
        label: 'A\u0000',
        properties: ['email'],
        kind: 'unique',
      }),
    ).toThrow(InvalidIdentifierError);
  });

  it('refuses hostile variables even in hand-built nodes', () => {
    const handBuilt = { kind: 'Variable', name: 'x\u0000' } as const;
    expect(() => render(query(returnClause([handBuilt])))).toThrow(InvalidIdentifierError);
  });
});
