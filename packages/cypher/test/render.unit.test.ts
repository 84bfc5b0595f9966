import {
  and,
  call,
  contains,
  countStar,
  eq,
  exists,
  gt,
  InvalidQueryError,
  isExpr,
  map,
  match,
  merge,
  node,
  param,
  pattern,
  prop,
  type Query,
  query,
  rel,
  render,
  returnClause,
  setProperty,
  variable,
  withClause,
} from '../src';

function employeesOf(companyName: string, minAge: number, nameFragment: string): Query {
  return query(
    match(
      pattern(node('person', ['Person']), [
        rel({ types: ['WORKS_AT'], direction: 'out' }),
        node('company', ['Company']),
      ]),
      {
        where: and(
          eq(prop('company', 'name'), param(companyName)),
          gt(prop('person', 'age'), param(minAge)),
          contains(prop('person', 'name'), param(nameFragment)),
        ),
      },
    ),
    returnClause([variable('person')], { limit: param(10) }),
  );
}

describe('determinism', () => {
  it('produces identical text for identical shapes with different values', () => {
    const first = render(employeesOf('Acme', 30, 'Ad'));
    const second = render(employeesOf('Globex', 40, 'Gr'));
    expect(second.cypher).toBe(first.cypher);
    expect(first.params).toEqual({ p0: 'Acme', p1: 30, p2: 'Ad', p3: 10 });
    expect(second.params).toEqual({ p0: 'Globex', p1: 40, p2: 'Gr', p3: 10 });
  });

  it('produces identical output when rendering the same AST twice', () => {
    const ast = employeesOf('Acme', 30, 'Ad');
    expect(render(ast)).toEqual(render(ast));
  });

  it('renders the canonical one-hop filter query', () => {
    expect(render(employeesOf('Acme', 30, 'Ad')).cypher).toBe(
      'MATCH (person:Person)-[:WORKS_AT]->(company:Company) ' +
        'WHERE company.name = $p0 AND person.age > $p1 AND person.name CONTAINS $p2\n' +
        'RETURN person LIMIT $p3',
    );
  });
});

describe('pretty output', () => {
  it('puts sub-clauses on indented lines', () => {
    expect(render(employeesOf('Acme', 30, 'Ad'), { pretty: true }).cypher).toBe(
      [
        'MATCH (person:Person)-[:WORKS_AT]->(company:Company)',
        '  WHERE company.name = $p0 AND person.age > $p1 AND person.name CONTAINS $p2',
        'RETURN person',
        '  LIMIT $p3',
      ].join('\n'),
    );
  });

  it('indents subquery blocks', () => {
    const ast = query(
      match(node('person', ['Person'])),
      call(
        query(
          match(node('person')),
          withClause([variable('person')]),
          returnClause([{ expr: countStar(), alias: 'n' }]),
        ),
        {
          importVariables: ['person'],
        },
      ),
      returnClause([variable('n')]),
    );
    expect(render(ast, { pretty: true }).cypher).toBe(
      [
        'MATCH (person:Person)',
        'CALL (person) {',
        '  MATCH (person)',
        '  WITH person',
        '  RETURN count(*) AS n',
        '}',
        'RETURN n',
      ].join('\n'),
    );
  });

  it('puts MERGE actions on their own lines', () => {
    const ast = query(
      merge(node('c', ['Company'], map({ name: param('Acme') })), {
        onCreate: [setProperty(prop('c', 'created'), param(1))],
      }),
    );
    expect(render(ast, { pretty: true }).cypher).toBe(
      'MERGE (c:Company {name: $p0})\n  ON CREATE SET c.created = $p1',
    );
  });

  it('collects the same parameters as compact output', () => {
    const ast = query(
      match(node('p', ['Person']), { where: exists(query(match(node('p')))) }),
      returnClause([variable('p')]),
    );
    expect(render(ast, { pretty: true }).params).toEqual(render(ast).params);
  });
});

describe('immutability', () => {
  it('freezes nodes', () => {
    const expr = eq(prop('person', 'name'), param('Ada'));
    expect(Object.isFrozen(expr)).toBe(true);
    expect(Object.isFrozen(expr.left)).toBe(true);
  });

  it('copies input arrays so later changes do not leak into the AST', () => {
    const labels = ['Person'];
    const personNode = node('p', labels);
    labels.push('Hacked');
    expect(personNode.labels).toEqual(['Person']);
    expect(Object.isFrozen(personNode.labels)).toBe(true);
  });

  it('does not freeze parameter values', () => {
    const value = { name: 'Ada' };
    param(value);
    expect(Object.isFrozen(value)).toBe(false);
  });
});

describe('hand-built nodes', () => {
  it('rejects an unknown expression kind', () => {
    const bogus = { kind: 'Raw', text: 'MATCH (n) DETACH DELETE n' } as never;
    expect(() => render(query(returnClause([{ expr: bogus, alias: 'x' }])))).toThrow(InvalidQueryError);
  });

  it('rejects an unknown comparison operator', () => {
    const bogus = {
      kind: 'Comparison',
      operator: '= 1 OR 1 =',
      left: variable('a'),
      right: variable('b'),
    } as never;
    expect(() => render(query(returnClause([bogus])))).toThrow(InvalidQueryError);
  });

  it('rejects a RETURN without items', () => {
    expect(() => render(query({ kind: 'Return', items: [], distinct: false, orderBy: [] }))).toThrow(
      InvalidQueryError,
    );
  });

  it('rejects an unknown clause kind', () => {
    expect(() => render(query({ kind: 'Raw' } as never))).toThrow(InvalidQueryError);
  });

  it('rejects a non-finite literal', () => {
    expect(() => render(query(returnClause([{ kind: 'Literal', value: Number.NaN }])))).toThrow(
      InvalidQueryError,
    );
  });
});

describe('isExpr', () => {
  it('recognises expression nodes', () => {
    expect(isExpr(variable('n'))).toBe(true);
  });

  it('rejects projection inputs and other values', () => {
    expect(isExpr({ expr: variable('n'), alias: 'x' })).toBe(false);
    expect(isExpr(null)).toBe(false);
    expect(isExpr(node('n'))).toBe(false);
  });
});
