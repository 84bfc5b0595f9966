// Untrusted rows (JSON bodies, CSV imports) reaching the write entry points: keys that would swap an
// instance's prototype, undeclared keys and absurdly nested JSON are refused with typed errors, and
// the database is checked to hold nothing afterwards.
import 'reflect-metadata';
import { Min } from 'class-validator';
import {
  DEFAULT_JSON_MAX_DEPTH,
  ForbiddenPropertyNameError,
  IntegerProperty,
  JsonProperty,
  Node,
  NodeEntity,
  type NodeSet,
  StringProperty,
  UnknownPropertyError,
  ValidationError,
} from '../../src';
import { Knows, Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph } = useTestGraph();

@Node()
class Customer extends NodeEntity {
  declare static readonly nodes: NodeSet<Customer>;
  @StringProperty({ unique: true, required: true }) email!: string;
  @IntegerProperty({ default: 0 }) @Min(0) age!: number;
  @JsonProperty() preferences?: unknown;
}

/** A model that opts out of the unknown-key check: its rows carry a transient `confirm` field. */
@Node({ unknownProperties: 'allow' })
class Signup extends NodeEntity {
  @StringProperty({ required: true }) email!: string;
}

beforeEach(() => clearGraph(graph()));

async function storedNodes(): Promise<number> {
  const { records } = await graph().driver.executeQuery('MATCH (n) RETURN count(n) AS n');
  return Number(records[0]!.get('n'));
}

/** `{ "__proto__": {}, ...fields }` as JSON.parse makes it: `__proto__` is an own key. */
const protoRow = (fields: Record<string, unknown>) =>
  JSON.parse(JSON.stringify({ ...fields }).replace('{', '{"__proto__": {},'));

/** JSON nested `depth` levels deep: [[[...]]]. */
const nested = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('keys that would reach the prototype', () => {
  it('createMany refuses a __proto__ row instead of storing values past its validators', async () => {
    const rows = [protoRow({ email: 'eve@example.com', age: -5 })];

    await expect(Customer.createMany(rows)).rejects.toThrow(ForbiddenPropertyNameError);
    expect(await storedNodes()).toBe(0);
  });

  it('getOrCreate refuses a __proto__ row', async () => {
    const rows = [protoRow({ email: 'eve@example.com', age: -5 })];

    await expect(Customer.getOrCreate(rows)).rejects.toMatchObject({ code: 'FORBIDDEN_PROPERTY_NAME' });
    expect(await storedNodes()).toBe(0);
  });

  it('create refuses a __proto__ row with a typed error, not a TypeError', async () => {
    const row = protoRow({ email: 'eve@example.com', age: 3 });

    await expect(Customer.create(row)).rejects.toMatchObject({
      name: 'ForbiddenPropertyNameError',
      code: 'FORBIDDEN_PROPERTY_NAME',
      property: '__proto__',
    });
    expect(await storedNodes()).toBe(0);
  });

  it.each(['constructor', 'prototype'])('createOrUpdate and merge refuse a %s key', async (key) => {
    const row = { email: 'eve@example.com', [key]: { age: -1 } };

    await expect(Customer.createOrUpdate([row])).rejects.toThrow(ForbiddenPropertyNameError);
    await expect(Customer.merge([row])).rejects.toThrow(ForbiddenPropertyNameError);
    expect(await storedNodes()).toBe(0);
  });

  it('refuses a __proto__ key in relationship properties', async () => {
    const [ada, alan] = await Person.createMany([
      { email: 'ada@example.com', name: 'Ada' },
      { email: 'alan@example.com', name: 'Alan' },
    ]);
    const props = JSON.parse('{"__proto__": {}, "closeness": 7}') as Partial<Knows>;

    await expect(ada!.friends.connect(alan!, props)).rejects.toThrow(ForbiddenPropertyNameError);
    const { records } = await graph().driver.executeQuery('MATCH ()-[k:KNOWS]->() RETURN count(k) AS n');
    expect(Number(records[0]!.get('n'))).toBe(0);
  });

  it('refuses a __proto__ key in a bulk update and in a filter', async () => {
    await Customer.create({ email: 'eve@example.com', age: 3 });

    await expect(Customer.nodes.update(JSON.parse('{"__proto__": {"age": -5}}'))).rejects.toMatchObject({
      code: 'FORBIDDEN_PROPERTY_NAME',
    });
    expect(() => Customer.nodes.filter(JSON.parse('{"__proto__": {"age": 3}}'))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN_PROPERTY_NAME' }),
    );
    const { records } = await graph().driver.executeQuery('MATCH (c:Customer) RETURN c.age AS age');
    expect(Number(records[0]!.get('age'))).toBe(3);
  });
});

describe('undeclared keys', () => {
  it('create refuses a key the model does not declare, naming it', async () => {
    const row = { email: 'eve@example.com', agee: 30 } as unknown as Partial<Customer>;

    await expect(Customer.create(row)).rejects.toMatchObject({
      name: 'UnknownPropertyError',
      code: 'UNKNOWN_PROPERTY',
      property: 'agee',
    });
    expect(await storedNodes()).toBe(0);
  });

  it('createMany refuses a row with an undeclared key, writing none of the rows', async () => {
    const rows = [
      { email: 'a@example.com' },
      { email: 'b@example.com', isAdmin: true },
    ] as Partial<Customer>[];

    await expect(Customer.createMany(rows)).rejects.toThrow(UnknownPropertyError);
    expect(await storedNodes()).toBe(0);
  });

  it('a call can allow undeclared keys; they stay on the instance and are not stored', async () => {
    const row = { email: 'eve@example.com', referrer: 'newsletter' } as Partial<Customer>;

    const eve = await Customer.create(row, { unknownProperties: 'allow' });

    expect((eve as unknown as { referrer: string }).referrer).toBe('newsletter');
    const { records } = await graph().driver.executeQuery('MATCH (c:Customer) RETURN keys(c) AS keys');
    expect(records[0]!.get('keys')).not.toContain('referrer');
  });

  it('a model can allow undeclared keys for every write', async () => {
    const rows = [{ email: 'eve@example.com', confirm: 'eve@example.com' }] as unknown as Partial<Signup>[];

    await expect(Signup.createMany(rows)).resolves.toHaveLength(1);
  });
});

describe('deeply nested JSON', () => {
  it(`refuses JSON nested deeper than ${DEFAULT_JSON_MAX_DEPTH} levels with a ValidationError, not a RangeError`, async () => {
    const attempt = Customer.create({ email: 'eve@example.com', preferences: nested(5_000) });

    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(/nests deeper than 100 levels/);
    expect(await storedNodes()).toBe(0);
  });

  it('stores JSON at the maximum depth', async () => {
    await Customer.create({ email: 'eve@example.com', preferences: nested(DEFAULT_JSON_MAX_DEPTH) });

    const eve = await Customer.nodes.get({ email: 'eve@example.com' });
    expect(JSON.stringify(eve.preferences)).toBe(JSON.stringify(nested(DEFAULT_JSON_MAX_DEPTH)));
  });
});
