import {
  add,
  caseWhen,
  contains,
  countStar,
  div,
  endsWith,
  eq,
  fn,
  gt,
  gte,
  hasLabels,
  InvalidQueryError,
  index,
  inList,
  isNotNull,
  isNull,
  list,
  listComprehension,
  literal,
  lt,
  lte,
  map,
  mapProjection,
  mod,
  mul,
  neq,
  node,
  param,
  pattern,
  patternComprehension,
  prop,
  regexMatch,
  rel,
  slice,
  star,
  startsWith,
  sub,
  variable,
} from '../src';
import { exprText, renderExpression } from './helpers';

const person = variable('person');

describe('atoms', () => {
  it('renders a variable', () => {
    expect(exprText(variable('person'))).toBe('person');
  });

  it('renders a property access', () => {
    expect(exprText(prop(person, 'email'))).toBe('person.email');
  });

  it('accepts a variable name as the object of a property access', () => {
    expect(exprText(prop('company', 'name'))).toBe('company.name');
  });

  it('escapes odd property keys', () => {
    expect(exprText(prop(person, 'date of birth'))).toBe('person.`date of birth`');
  });

  it('renders a nested property access', () => {
    expect(exprText(prop(prop(person, 'address'), 'city'))).toBe('person.address.city');
  });

  it('renders a parameter as a placeholder', () => {
    expect(renderExpression(param('Ada'))).toEqual({ cypher: '$p0', params: { p0: 'Ada' } });
  });

  it('renders star', () => {
    expect(exprText(star())).toBe('*');
  });
});

describe('literals', () => {
  it('renders integers without a decimal point', () => {
    expect(exprText(literal(42))).toBe('42');
    expect(exprText(literal(0))).toBe('0');
  });

  it('renders floats', () => {
    expect(exprText(literal(1.5))).toBe('1.5');
  });

  it('renders exponents in a form Cypher parses as a float', () => {
    expect(exprText(literal(1e21))).toBe('1e21');
    expect(exprText(literal(1.5e-7))).toBe('1.5e-7');
  });

  it('renders booleans and null', () => {
    expect(exprText(literal(true))).toBe('true');
    expect(exprText(literal(false))).toBe('false');
    expect(exprText(literal(null))).toBe('null');
  });

  it('rejects NaN and infinities', () => {
    expect(() => literal(Number.NaN)).toThrow(InvalidQueryError);
    expect(() => literal(Number.POSITIVE_INFINITY)).toThrow(InvalidQueryError);
  });

  it('rejects strings smuggled past the types', () => {
    expect(() => literal('x' as unknown as number)).toThrow(InvalidQueryError);
  });
});

describe('functions', () => {
  it('renders a call with arguments', () => {
    expect(exprText(fn('toLower', [prop(person, 'name')]))).toBe('toLower(person.name)');
  });

  it('renders a call without arguments', () => {
    expect(exprText(fn('timestamp'))).toBe('timestamp()');
  });

  it('renders a namespaced function', () => {
    expect(exprText(fn('apoc.text.clean', [prop(person, 'name')]))).toBe('apoc.text.clean(person.name)');
  });

  it('renders DISTINCT aggregation', () => {
    expect(exprText(fn('count', [variable('company')], { distinct: true }))).toBe('count(DISTINCT company)');
  });

  it('renders count(*)', () => {
    expect(exprText(countStar())).toBe('count(*)');
  });

  it('rejects function names that are not plain words', () => {
    expect(() => fn('count(n)); MATCH (m) DELETE m //')).toThrow(InvalidQueryError);
    expect(() => fn('db..labels')).toThrow(InvalidQueryError);
  });
});

describe('comparisons and string predicates', () => {
  const name = prop(person, 'name');

  it.each([
    ['eq', eq(name, param('Ada')), 'person.name = $p0'],
    ['neq', neq(name, param('Ada')), 'person.name <> $p0'],
    ['lt', lt(name, param('Ada')), 'person.name < $p0'],
    ['lte', lte(name, param('Ada')), 'person.name <= $p0'],
    ['gt', gt(name, param('Ada')), 'person.name > $p0'],
    ['gte', gte(name, param('Ada')), 'person.name >= $p0'],
    ['inList', inList(name, param(['Ada'])), 'person.name IN $p0'],
    ['startsWith', startsWith(name, param('A')), 'person.name STARTS WITH $p0'],
    ['endsWith', endsWith(name, param('a')), 'person.name ENDS WITH $p0'],
    ['contains', contains(name, param('d')), 'person.name CONTAINS $p0'],
    ['regexMatch', regexMatch(name, param('A.*')), 'person.name =~ $p0'],
  ])('%s renders its operator', (_name, expr, expected) => {
    expect(exprText(expr)).toBe(expected);
  });

  it.each([
    ['add', add(prop(person, 'age'), literal(1)), 'person.age + 1'],
    ['sub', sub(prop(person, 'age'), literal(1)), 'person.age - 1'],
    ['mul', mul(prop(person, 'age'), literal(2)), 'person.age * 2'],
    ['div', div(prop(person, 'age'), literal(2)), 'person.age / 2'],
    ['mod', mod(prop(person, 'age'), literal(2)), 'person.age % 2'],
  ])('%s renders its operator', (_name, expr, expected) => {
    expect(exprText(expr)).toBe(expected);
  });

  it('renders IS NULL', () => {
    expect(exprText(isNull(prop(person, 'deletedAt')))).toBe('person.deletedAt IS NULL');
  });

  it('renders IS NOT NULL', () => {
    expect(exprText(isNotNull(prop(person, 'email')))).toBe('person.email IS NOT NULL');
  });

  it('renders a label predicate with escaped labels', () => {
    expect(exprText(hasLabels(person, ['Person', 'Board Member']))).toBe('person:Person:`Board Member`');
  });

  it('requires at least one label in a label predicate', () => {
    expect(() => hasLabels(person, [])).toThrow(InvalidQueryError);
  });
});

describe('collections', () => {
  it('renders a list', () => {
    expect(exprText(list([literal(1), param(2)]))).toBe('[1, $p0]');
  });

  it('renders an empty list', () => {
    expect(exprText(list([]))).toBe('[]');
  });

  it('renders a map with escaped keys', () => {
    expect(exprText(map({ name: param('Ada'), 'odd key': param(1) }))).toBe('{name: $p0, `odd key`: $p1}');
  });

  it('renders a map from pairs in the given order', () => {
    expect(
      exprText(
        map([
          ['since', param(2020)],
          ['role', param('CTO')],
        ]),
      ),
    ).toBe('{since: $p0, role: $p1}');
  });

  it('renders an empty map', () => {
    expect(exprText(map({}))).toBe('{}');
  });

  it('renders a map projection of selected properties', () => {
    expect(exprText(mapProjection(person, { properties: ['name', 'age'] }))).toBe('person {.name, .age}');
  });

  it('renders an all-properties map projection', () => {
    expect(exprText(mapProjection('person', { all: true }))).toBe('person {.*}');
  });

  it('renders a map projection with computed entries', () => {
    const friends = fn('collect', [variable('friend')]);
    expect(exprText(mapProjection(person, { all: true, properties: ['name'], extra: { friends } }))).toBe(
      'person {.*, .name, friends: collect(friend)}',
    );
  });

  it('renders a list comprehension with filter and projection', () => {
    const expr = listComprehension('c', variable('companies'), {
      where: gt(prop('c', 'founded'), param(2000)),
      map: prop('c', 'name'),
    });
    expect(exprText(expr)).toBe('[c IN companies WHERE c.founded > $p0 | c.name]');
  });

  it('renders a list comprehension with only a filter', () => {
    expect(exprText(listComprehension('x', param([1, 2]), { where: gt(variable('x'), literal(1)) }))).toBe(
      '[x IN $p0 WHERE x > 1]',
    );
  });

  it('renders a pattern comprehension', () => {
    const knows = pattern(node('person'), [
      rel({ types: ['KNOWS'], direction: 'out' }),
      node('friend', ['Person']),
    ]);
    const expr = patternComprehension(knows, {
      where: gt(prop('friend', 'age'), param(30)),
      map: mapProjection('friend', { all: true }),
    });
    expect(exprText(expr)).toBe('[(person)-[:KNOWS]->(friend:Person) WHERE friend.age > $p0 | friend {.*}]');
  });

  it('refuses a pattern comprehension without a relationship', () => {
    expect(() => patternComprehension(pattern(node('person')), { map: variable('person') })).toThrow(
      InvalidQueryError,
    );
  });

  it('renders indexing with a number', () => {
    expect(exprText(index(variable('names'), 0))).toBe('names[0]');
  });

  it('renders indexing with a negative number', () => {
    expect(exprText(index(variable('names'), -1))).toBe('names[-1]');
  });

  it('renders a slice with both bounds', () => {
    expect(exprText(slice(variable('names'), 1, param(3)))).toBe('names[1..$p0]');
  });

  it('renders a slice with open bounds', () => {
    expect(exprText(slice(variable('names'), undefined, 2))).toBe('names[..2]');
    expect(exprText(slice(variable('names'), 2))).toBe('names[2..]');
  });
});

describe('CASE', () => {
  it('renders the first true branch, else the ELSE value', () => {
    const a = variable('a');
    const b = variable('b');
    const first = caseWhen([[lte(fn('elementId', [a]), fn('elementId', [b])), a]], b);
    expect(exprText(first)).toBe('CASE WHEN elementId(a) <= elementId(b) THEN a ELSE b END');
  });

  it('renders several branches and no ELSE (null)', () => {
    const size = prop('team', 'size');
    const expr = caseWhen([
      [lt(size, param(3)), param('small')],
      [lt(size, param(10)), param('medium')],
    ]);
    expect(exprText(expr)).toBe('CASE WHEN team.size < $p0 THEN $p1 WHEN team.size < $p2 THEN $p3 END');
  });

  it('is parenthesised as an operand', () => {
    const picked = caseWhen([[variable('left'), variable('a')]], variable('b'));
    expect(exprText(prop(picked, 'name'))).toBe('(CASE WHEN left THEN a ELSE b END).name');
  });

  it('refuses a CASE without any branch', () => {
    expect(() => caseWhen([])).toThrow(InvalidQueryError);
  });
});
