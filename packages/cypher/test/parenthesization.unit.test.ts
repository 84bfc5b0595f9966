import {
  add,
  and,
  eq,
  gt,
  hasLabels,
  index,
  inList,
  isNull,
  literal,
  lt,
  mul,
  not,
  or,
  param,
  prop,
  sub,
  variable,
  xor,
} from '../src';
import { exprText } from './helpers';

const name = prop('person', 'name');
const age = prop('person', 'age');
const isAda = eq(name, param('Ada'));
const isAdult = gt(age, param(18));
const isRetired = gt(age, param(67));

describe('boolean composition', () => {
  it('renders an empty AND as true', () => {
    expect(exprText(and())).toBe('true');
  });

  it('renders an empty OR as false', () => {
    expect(exprText(or())).toBe('false');
  });

  it('renders a single-operand AND as its operand', () => {
    expect(exprText(and(isAda))).toBe('person.name = $p0');
  });

  it('renders a single-operand OR as its operand', () => {
    expect(exprText(or(isAda))).toBe('person.name = $p0');
  });

  it('leaves comparisons inside AND unwrapped', () => {
    expect(exprText(and(isAda, isAdult))).toBe('person.name = $p0 AND person.age > $p1');
  });

  it('wraps an OR nested in an AND', () => {
    expect(exprText(and(isAda, or(isAdult, isRetired)))).toBe(
      'person.name = $p0 AND (person.age > $p1 OR person.age > $p2)',
    );
  });

  it('wraps an AND nested in an OR', () => {
    expect(exprText(or(and(isAda, isAdult), isRetired))).toBe(
      '(person.name = $p0 AND person.age > $p1) OR person.age > $p2',
    );
  });

  it('wraps an AND nested in an AND rather than relying on associativity', () => {
    expect(exprText(and(and(isAda, isAdult), isRetired))).toBe(
      '(person.name = $p0 AND person.age > $p1) AND person.age > $p2',
    );
  });

  it('renders XOR of two predicates', () => {
    expect(exprText(xor(isAda, isAdult))).toBe('person.name = $p0 XOR person.age > $p1');
  });

  it('wraps an OR inside XOR', () => {
    expect(exprText(xor(or(isAda, isAdult), isRetired))).toBe(
      '(person.name = $p0 OR person.age > $p1) XOR person.age > $p2',
    );
  });

  it('wraps the operand of NOT when it is compound', () => {
    expect(exprText(not(isAda))).toBe('NOT (person.name = $p0)');
    expect(exprText(not(or(isAda, isAdult)))).toBe('NOT (person.name = $p0 OR person.age > $p1)');
  });

  it('does not wrap an atomic operand of NOT', () => {
    expect(exprText(not(prop('person', 'active')))).toBe('NOT person.active');
  });

  it('leaves NOT unwrapped inside AND', () => {
    expect(exprText(and(not(isNull(age)), isAda))).toBe('NOT (person.age IS NULL) AND person.name = $p0');
  });

  it('wraps nested NOT', () => {
    expect(exprText(not(not(isAda)))).toBe('NOT (NOT (person.name = $p0))');
  });

  it('wraps a single-operand OR nested in an AND with that operand', () => {
    expect(exprText(and(or(isAda), isAdult))).toBe('(person.name = $p0) AND person.age > $p1');
  });

  it('leaves label predicates unwrapped inside OR', () => {
    expect(exprText(or(hasLabels('person', ['Person']), hasLabels('person', ['Company'])))).toBe(
      'person:Person OR person:Company',
    );
  });

  it('wraps a label predicate under NOT', () => {
    expect(exprText(not(hasLabels('person', ['Deleted'])))).toBe('NOT (person:Deleted)');
  });
});

describe('operand wrapping', () => {
  it('wraps arithmetic inside arithmetic', () => {
    expect(exprText(mul(add(age, literal(1)), literal(2)))).toBe('(person.age + 1) * 2');
    expect(exprText(sub(age, sub(literal(10), literal(2))))).toBe('person.age - (10 - 2)');
  });

  it('wraps arithmetic on either side of a comparison', () => {
    expect(exprText(lt(add(age, literal(1)), param(30)))).toBe('(person.age + 1) < $p0');
  });

  it('wraps a comparison used as an operand of a comparison', () => {
    expect(exprText(eq(gt(age, param(18)), literal(true)))).toBe('(person.age > $p0) = true');
  });

  it('wraps negative literals used as operands', () => {
    expect(exprText(sub(age, literal(-5)))).toBe('person.age - (-5)');
  });

  it('wraps the operand of IS NULL when compound', () => {
    expect(exprText(isNull(add(age, literal(1))))).toBe('(person.age + 1) IS NULL');
  });

  it('wraps a compound list expression before indexing', () => {
    expect(exprText(index(add(variable('a'), variable('b')), 0))).toBe('(a + b)[0]');
  });

  it('wraps compound operands of IN', () => {
    expect(exprText(inList(add(age, literal(1)), param([1, 2])))).toBe('(person.age + 1) IN $p0');
  });
});
