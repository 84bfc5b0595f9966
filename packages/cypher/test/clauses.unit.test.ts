import {
  callProcedure,
  countStar,
  create,
  deleteClause,
  eq,
  fn,
  gt,
  InvalidIdentifierError,
  InvalidQueryError,
  limitClause,
  map,
  match,
  merge,
  node,
  orderByClause,
  param,
  pattern,
  prop,
  query,
  rel,
  remove,
  removeLabels,
  removeProperty,
  render,
  returnClause,
  set,
  setLabels,
  setMerge,
  setProperty,
  setReplace,
  skipClause,
  star,
  unwind,
  variable,
  withClause,
} from '../src';

const person = variable('person');
const company = variable('company');
const personNode = node('person', ['Person']);

describe('MATCH', () => {
  it('renders MATCH with WHERE', () => {
    const ast = query(match(personNode, { where: eq(prop(person, 'email'), param('ada@example.com')) }));
    expect(render(ast).cypher).toBe('MATCH (person:Person) WHERE person.email = $p0');
  });

  it('renders OPTIONAL MATCH', () => {
    const worksAt = pattern(personNode, [
      rel({ types: ['WORKS_AT'], direction: 'out' }),
      node('company', ['Company']),
    ]);
    expect(render(query(match(worksAt, { optional: true }))).cypher).toBe(
      'OPTIONAL MATCH (person:Person)-[:WORKS_AT]->(company:Company)',
    );
  });

  it('rejects an empty pattern list', () => {
    expect(() => match([])).toThrow(InvalidQueryError);
  });
});

describe('CREATE and MERGE', () => {
  it('renders CREATE with several patterns', () => {
    const ast = query(create([node('a', ['Person']), node('b', ['Company'])]));
    expect(render(ast).cypher).toBe('CREATE (a:Person), (b:Company)');
  });

  it('renders MERGE with ON CREATE and ON MATCH', () => {
    const ast = query(
      merge(node('person', ['Person'], map({ email: param('ada@example.com') })), {
        onCreate: [setProperty(prop(person, 'createdAt'), fn('datetime'))],
        onMatch: [
          setProperty(prop(person, 'seenAt'), fn('datetime')),
          setMerge(person, param({ name: 'Ada' })),
        ],
      }),
    );
    expect(render(ast).cypher).toBe(
      'MERGE (person:Person {email: $p0}) ON CREATE SET person.createdAt = datetime() ' +
        'ON MATCH SET person.seenAt = datetime(), person += $p1',
    );
  });

  it('renders a plain MERGE of a relationship', () => {
    const worksAt = pattern(node('person'), [
      rel({ variable: 'r', types: ['WORKS_AT'], direction: 'out' }),
      node('company'),
    ]);
    expect(render(query(merge(worksAt))).cypher).toBe('MERGE (person)-[r:WORKS_AT]->(company)');
  });
});

describe('WITH', () => {
  it('renders items, aliases, DISTINCT, ORDER BY, SKIP, LIMIT and WHERE in grammar order', () => {
    const ast = query(
      withClause([person, { expr: countStar(), alias: 'colleagues' }], {
        distinct: true,
        orderBy: [{ expr: variable('colleagues'), direction: 'DESC' }],
        skip: param(5),
        limit: param(10),
        where: gt(variable('colleagues'), param(1)),
      }),
    );
    expect(render(ast).cypher).toBe(
      'WITH DISTINCT person, count(*) AS colleagues ORDER BY colleagues DESC SKIP $p0 LIMIT $p1 WHERE colleagues > $p2',
    );
  });

  it('renders WITH *', () => {
    expect(render(query(withClause([star()]))).cypher).toBe('WITH *');
  });

  it('requires expressions other than variables to be aliased', () => {
    expect(() => withClause([prop(person, 'name')])).toThrow(InvalidQueryError);
  });

  it('rejects an empty item list', () => {
    expect(() => withClause([])).toThrow(InvalidQueryError);
  });
});

describe('RETURN', () => {
  it('renders expressions with escaped aliases', () => {
    const ast = query(returnClause([{ expr: prop(person, 'name'), alias: 'full name' }, company]));
    expect(render(ast).cypher).toBe('RETURN person.name AS `full name`, company');
  });

  it('renders RETURN *', () => {
    expect(render(query(returnClause([star()]))).cypher).toBe('RETURN *');
  });

  it('renders DISTINCT with ordering and paging', () => {
    const ast = query(
      returnClause([company], {
        distinct: true,
        orderBy: [{ expr: prop(company, 'name') }, { expr: prop(company, 'founded'), direction: 'ASC' }],
        skip: param(20),
        limit: param(10),
      }),
    );
    expect(render(ast).cypher).toBe(
      'RETURN DISTINCT company ORDER BY company.name, company.founded ASC SKIP $p0 LIMIT $p1',
    );
  });

  it('rejects a RETURN without items', () => {
    expect(() => returnClause([])).toThrow(InvalidQueryError);
  });

  it('rejects an unknown sort direction', () => {
    expect(() =>
      returnClause([person], { orderBy: [{ expr: person, direction: 'desc' as 'DESC' }] }),
    ).toThrow(InvalidQueryError);
  });
});

describe('standalone ORDER BY, SKIP and LIMIT', () => {
  it('renders them as clauses following RETURN', () => {
    const ast = query(
      returnClause([person]),
      orderByClause([{ expr: prop(person, 'name'), direction: 'DESC' }]),
      skipClause(param(10)),
      limitClause(param(5)),
    );
    expect(render(ast).cypher).toBe('RETURN person\nORDER BY person.name DESC\nSKIP $p0\nLIMIT $p1');
  });

  it('rejects an empty ORDER BY', () => {
    expect(() => orderByClause([])).toThrow(InvalidQueryError);
  });
});

describe('UNWIND', () => {
  it('renders UNWIND of a parameter', () => {
    const compiled = render(query(unwind(param([{ name: 'Ada' }]), 'row')));
    expect(compiled.cypher).toBe('UNWIND $p0 AS row');
    expect(compiled.params).toEqual({ p0: [{ name: 'Ada' }] });
  });
});

describe('SET and REMOVE', () => {
  it('renders every kind of SET item', () => {
    const ast = query(
      set([
        setProperty(prop(person, 'name'), param('Ada')),
        setMerge(person, param({ age: 36 })),
        setReplace(variable('company'), map({ name: param('Acme') })),
        setLabels(person, ['Employee', 'Board Member']),
      ]),
    );
    expect(render(ast).cypher).toBe(
      'SET person.name = $p0, person += $p1, company = {name: $p2}, person:Employee:`Board Member`',
    );
  });

  it('parenthesises a compound value assigned by SET', () => {
    const ast = query(set([setProperty(prop(person, 'adult'), gt(prop(person, 'age'), param(17)))]));
    expect(render(ast).cypher).toBe('SET person.adult = (person.age > $p0)');
  });

  it('renders REMOVE of properties and labels', () => {
    const ast = query(remove([removeProperty(prop(person, 'nickname')), removeLabels(person, ['Intern'])]));
    expect(render(ast).cypher).toBe('REMOVE person.nickname, person:Intern');
  });

  it('rejects an empty SET', () => {
    expect(() => set([])).toThrow(InvalidQueryError);
  });

  it('rejects setting no labels', () => {
    expect(() => setLabels(person, [])).toThrow(InvalidQueryError);
  });
});

describe('DELETE', () => {
  it('renders DELETE', () => {
    expect(render(query(deleteClause(variable('r')))).cypher).toBe('DELETE r');
  });

  it('renders DETACH DELETE of several variables', () => {
    expect(render(query(deleteClause([person, company], { detach: true }))).cypher).toBe(
      'DETACH DELETE person, company',
    );
  });

  it('rejects deleting nothing', () => {
    expect(() => deleteClause([])).toThrow(InvalidQueryError);
  });
});

describe('procedure calls', () => {
  it('renders a procedure with YIELD', () => {
    expect(render(query(callProcedure('db.labels', [], { yield: ['label'] }))).cypher).toBe(
      'CALL db.labels() YIELD label',
    );
  });

  it('renders procedure arguments as parameters', () => {
    const ast = query(
      callProcedure('db.index.fulltext.queryNodes', [param('people'), param('ada')], {
        yield: ['node', 'score'],
      }),
    );
    expect(render(ast).cypher).toBe('CALL db.index.fulltext.queryNodes($p0, $p1) YIELD `node`, score');
  });

  it('renames yielded columns with AS, arguments still parameters', () => {
    const ast = query(
      callProcedure(
        'db.index.vector.queryNodes',
        [param('chunk_embedding_vector'), param(10), param([0.1])],
        {
          yield: [
            { name: 'node', alias: 'n0' },
            { name: 'score', alias: 's0' },
          ],
        },
      ),
    );
    const { cypher, params } = render(ast);
    expect(cypher).toBe('CALL db.index.vector.queryNodes($p0, $p1, $p2) YIELD `node` AS n0, score AS s0');
    expect(params).toEqual({ p0: 'chunk_embedding_vector', p1: 10, p2: [0.1] });
  });

  it('rejects a yield alias that is not an identifier-safe name', () => {
    expect(() => callProcedure('db.labels', [], { yield: [{ name: 'label', alias: 'a\u0000b' }] })).toThrow(
      InvalidIdentifierError,
    );
  });

  it('renders a procedure without YIELD', () => {
    expect(render(query(callProcedure('db.awaitIndexes'))).cypher).toBe('CALL db.awaitIndexes()');
  });

  it('rejects malformed procedure names', () => {
    expect(() => callProcedure('db.labels() YIELD x MATCH (n) DELETE n //')).toThrow(InvalidQueryError);
    expect(() => callProcedure('')).toThrow(InvalidQueryError);
  });
});

describe('queries', () => {
  it('joins top-level clauses with newlines', () => {
    const ast = query(match(personNode), returnClause([person]));
    expect(render(ast).cypher).toBe('MATCH (person:Person)\nRETURN person');
  });

  it('skips falsy entries and flattens arrays of clauses', () => {
    const withFilter = false;
    const ast = query(
      [match(personNode)],
      withFilter && match(node('company', ['Company'])),
      undefined,
      returnClause([person]),
    );
    expect(render(ast).cypher).toBe('MATCH (person:Person)\nRETURN person');
  });

  it('rejects a query without clauses', () => {
    expect(() => render(query())).toThrow(InvalidQueryError);
  });
});
