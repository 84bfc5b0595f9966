import {
  call,
  collectSubquery,
  countStar,
  countSubquery,
  create,
  eq,
  exists,
  gt,
  InvalidQueryError,
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
  union,
  unwind,
  variable,
  withClause,
} from '../src';
import { exprText } from './helpers';

const person = variable('person');
const worksAtCompany = pattern(node('person'), [
  rel({ types: ['WORKS_AT'], direction: 'out' }),
  node('company', ['Company']),
]);

describe('CALL subqueries', () => {
  it('imports variables with the Neo4j 5.23 scope clause', () => {
    const ast = query(
      match(node('person', ['Person'])),
      call(query(match(worksAtCompany), returnClause([{ expr: countStar(), alias: 'employers' }])), {
        importVariables: ['person'],
      }),
      returnClause([person, variable('employers')]),
    );
    expect(render(ast).cypher).toBe(
      'MATCH (person:Person)\nCALL (person) { MATCH (person)-[:WORKS_AT]->(company:Company) RETURN count(*) AS employers }\nRETURN person, employers',
    );
  });

  it('renders an empty scope clause when nothing is imported', () => {
    const ast = query(
      call(query(match(node('c', ['Company'])), returnClause([{ expr: countStar(), alias: 'n' }]))),
    );
    expect(render(ast).cypher).toBe('CALL () { MATCH (c:Company) RETURN count(*) AS n }');
  });

  it('never emits a leading WITH import', () => {
    const inner = query(create(node('p', ['Person'], map({ name: prop('row', 'name') }))));
    const { cypher } = render(query(unwind(param([]), 'row'), call(inner, { importVariables: ['row'] })));
    expect(cypher).toBe('UNWIND $p0 AS row\nCALL (row) { CREATE (p:Person {name: row.name}) }');
    expect(cypher).not.toMatch(/CALL \{\s*WITH/);
  });

  it('imports every variable with *', () => {
    const ast = query(call(query(returnClause([person])), { importVariables: '*' }));
    expect(render(ast).cypher).toBe('CALL (*) { RETURN person }');
  });

  it('escapes imported variable names', () => {
    const ast = query(call(query(returnClause([variable('my var')])), { importVariables: ['my var'] }));
    expect(render(ast).cypher).toBe('CALL (`my var`) { RETURN `my var` }');
  });

  it('renders IN TRANSACTIONS with batch size and error behaviour', () => {
    const inner = query(create(node('p', ['Person'], map({ name: prop('row', 'name') }))));
    const ast = query(
      unwind(param([{ name: 'Ada' }]), 'row'),
      call(inner, { importVariables: ['row'], inTransactions: { ofRows: 1000, onError: 'CONTINUE' } }),
    );
    expect(render(ast).cypher).toBe(
      'UNWIND $p0 AS row\nCALL (row) { CREATE (p:Person {name: row.name}) } IN TRANSACTIONS OF 1000 ROWS ON ERROR CONTINUE',
    );
  });

  it('renders bare IN TRANSACTIONS', () => {
    const ast = query(call(query(create(node('p', ['Person']))), { inTransactions: {} }));
    expect(render(ast).cypher).toBe('CALL () { CREATE (p:Person) } IN TRANSACTIONS');
  });

  it('rejects a non-positive or fractional batch size', () => {
    const inner = query(create(node('p')));
    expect(() => call(inner, { inTransactions: { ofRows: 0 } })).toThrow(InvalidQueryError);
    expect(() => call(inner, { inTransactions: { ofRows: -5 } })).toThrow(InvalidQueryError);
    expect(() => call(inner, { inTransactions: { ofRows: 2.5 } })).toThrow(InvalidQueryError);
  });

  it('rejects an unknown ON ERROR behaviour', () => {
    expect(() => call(query(create(node('p'))), { inTransactions: { onError: 'IGNORE' as 'FAIL' } })).toThrow(
      InvalidQueryError,
    );
  });

  it('re-checks the batch size of hand-built nodes when rendering', () => {
    const handBuilt = {
      kind: 'CallSubquery',
      query: query(create(node('p'))),
      importVariables: [],
      inTransactions: { ofRows: -1 },
    } as const;
    expect(() => render(query(handBuilt))).toThrow(InvalidQueryError);
  });

  it('numbers parameters across the outer and inner query in order', () => {
    const inner = query(
      match(node('c', ['Company']), { where: eq(prop('c', 'name'), param('Acme')) }),
      returnClause([variable('c')]),
    );
    const ast = query(
      match(node('person', ['Person']), { where: eq(prop(person, 'name'), param('Ada')) }),
      call(inner),
      returnClause([person], { limit: param(1) }),
    );
    expect(render(ast).params).toEqual({ p0: 'Ada', p1: 'Acme', p2: 1 });
  });
});

describe('subquery expressions', () => {
  it('renders EXISTS with a full inner query', () => {
    const inner = query(match(worksAtCompany, { where: eq(prop('company', 'name'), param('Acme')) }));
    expect(exprText(exists(inner))).toBe(
      'EXISTS { MATCH (person)-[:WORKS_AT]->(company:Company) WHERE company.name = $p0 }',
    );
  });

  it('renders COUNT and compares it', () => {
    expect(exprText(gt(countSubquery(query(match(worksAtCompany))), param(1)))).toBe(
      'COUNT { MATCH (person)-[:WORKS_AT]->(company:Company) } > $p0',
    );
  });

  it('renders COLLECT with a RETURN', () => {
    const inner = query(match(worksAtCompany), returnClause([prop('company', 'name')]));
    expect(exprText(collectSubquery(inner))).toBe(
      'COLLECT { MATCH (person)-[:WORKS_AT]->(company:Company) RETURN company.name }',
    );
  });

  it('renders a subquery expression used in WHERE', () => {
    const ast = query(
      match(node('person', ['Person']), { where: exists(query(match(worksAtCompany))) }),
      returnClause([person]),
    );
    expect(render(ast).cypher).toBe(
      'MATCH (person:Person) WHERE EXISTS { MATCH (person)-[:WORKS_AT]->(company:Company) }\nRETURN person',
    );
  });
});

describe('UNION', () => {
  const people = query(
    match(node('x', ['Person'])),
    returnClause([{ expr: prop('x', 'name'), alias: 'name' }]),
  );
  const companies = query(
    match(node('x', ['Company'])),
    returnClause([{ expr: prop('x', 'name'), alias: 'name' }]),
  );

  it('renders UNION between queries on their own lines', () => {
    expect(render(union([people, companies])).cypher).toBe(
      'MATCH (x:Person)\nRETURN x.name AS name\nUNION\nMATCH (x:Company)\nRETURN x.name AS name',
    );
  });

  it('renders UNION ALL', () => {
    expect(render(union([people, companies], { all: true })).cypher).toContain('\nUNION ALL\n');
  });

  it('renders UNION inline inside a CALL subquery', () => {
    const ast = query(call(union([people, companies])), returnClause([variable('name')]));
    expect(render(ast).cypher).toBe(
      'CALL () { MATCH (x:Person) RETURN x.name AS name UNION MATCH (x:Company) RETURN x.name AS name }\nRETURN name',
    );
  });

  it('returns a single query unchanged', () => {
    expect(union([people])).toBe(people);
  });

  it('flattens nested unions of the same kind', () => {
    const nested = union([union([people, companies]), people]);
    expect(nested.kind === 'Union' && nested.queries.length).toBe(3);
  });

  it('refuses to mix UNION and UNION ALL', () => {
    expect(() => union([union([people, companies], { all: true }), people])).toThrow(InvalidQueryError);
  });

  it('refuses an empty union', () => {
    expect(() => union([])).toThrow(InvalidQueryError);
  });

  it('allows WITH inside union members', () => {
    const ranked = query(
      match(node('x', ['Person'])),
      withClause([variable('x')]),
      returnClause([{ expr: prop('x', 'name'), alias: 'name' }]),
    );
    expect(render(union([ranked, companies])).cypher.split('\n')).toHaveLength(6);
  });
});
