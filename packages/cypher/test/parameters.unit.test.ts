import {
  and,
  eq,
  InvalidIdentifierError,
  InvalidQueryError,
  list,
  match,
  node,
  param,
  prop,
  query,
  render,
  returnClause,
  variable,
} from '../src';

const byName = (value: unknown) => eq(prop('person', 'name'), param(value));

describe('parameter collection', () => {
  it('numbers anonymous parameters in order of appearance', () => {
    const compiled = render(
      query(
        match(node('person', ['Person']), {
          where: and(byName('Ada'), eq(prop('person', 'age'), param(36))),
        }),
        returnClause([variable('person')], { limit: param(10) }),
      ),
    );
    expect(compiled.cypher).toBe(
      'MATCH (person:Person) WHERE person.name = $p0 AND person.age = $p1\nRETURN person LIMIT $p2',
    );
    expect(compiled.params).toEqual({ p0: 'Ada', p1: 36, p2: 10 });
  });

  it('gives two distinct parameter nodes distinct names even for equal values', () => {
    const compiled = render(query(returnClause([list([param(1), param(1)])])));
    expect(compiled.cypher).toBe('RETURN [$p0, $p1]');
    expect(compiled.params).toEqual({ p0: 1, p1: 1 });
  });

  it('reuses the name of a parameter node that appears twice', () => {
    const shared = param('Ada');
    const compiled = render(query(returnClause([list([shared, shared])])));
    expect(compiled.cypher).toBe('RETURN [$p0, $p0]');
    expect(compiled.params).toEqual({ p0: 'Ada' });
  });

  it('passes values through by reference without copying', () => {
    const emails = ['ada@example.com'];
    const compiled = render(query(returnClause([param(emails)])));
    expect(compiled.params.p0).toBe(emails);
  });

  it('uses explicit names verbatim', () => {
    const compiled = render(query(returnClause([param('acme', 'companyName')])));
    expect(compiled.cypher).toBe('RETURN $companyName');
    expect(compiled.params).toEqual({ companyName: 'acme' });
  });

  it('does not let explicit names shift the numbering of anonymous ones', () => {
    const compiled = render(query(returnClause([list([param('x', 'first'), param('y')])])));
    expect(compiled.cypher).toBe('RETURN [$first, $p0]');
  });

  it('accepts the same explicit name twice for the same value', () => {
    const compiled = render(
      query(returnClause([list([param('acme', 'company'), param('acme', 'company')])])),
    );
    expect(compiled.cypher).toBe('RETURN [$company, $company]');
    expect(compiled.params).toEqual({ company: 'acme' });
  });

  it('rejects the same explicit name for different values', () => {
    const ast = query(returnClause([list([param('acme', 'company'), param('globex', 'company')])]));
    expect(() => render(ast)).toThrow(InvalidQueryError);
  });

  it('rejects explicit names that could collide with automatic ones', () => {
    expect(() => param(1, 'p0')).toThrow(InvalidIdentifierError);
    expect(() => param(1, 'p12')).toThrow(InvalidIdentifierError);
  });

  it('accepts explicit names that merely start with p', () => {
    expect(render(query(returnClause([param(1, 'person')]))).cypher).toBe('RETURN $person');
  });

  it('rejects explicit names that are not plain words', () => {
    expect(() => param(1, 'my name')).toThrow(InvalidIdentifierError);
    expect(() => param(1, '1st')).toThrow(InvalidIdentifierError);
    expect(() => param(1, '')).toThrow(InvalidIdentifierError);
    expect(() => param(1, 'x}) DELETE n //')).toThrow(InvalidIdentifierError);
  });

  it('rejects __proto__ so params stay a plain data object', () => {
    expect(() => param({}, '__proto__')).toThrow(InvalidIdentifierError);
  });

  it('re-validates explicit names on hand-built nodes', () => {
    const handBuilt = { kind: 'Param', value: 1, name: 'x; DROP' } as const;
    expect(() => render(query(returnClause([handBuilt])))).toThrow(InvalidIdentifierError);
  });

  it('starts numbering afresh on every render', () => {
    const ast = query(returnClause([param(1)]));
    expect(render(ast).cypher).toBe('RETURN $p0');
    expect(render(ast).cypher).toBe('RETURN $p0');
  });
});
