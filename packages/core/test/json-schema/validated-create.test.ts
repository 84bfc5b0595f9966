import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { type CreateProps, toJsonSchema } from '../../src';
import { Person } from '../support/social-models';
import { clearGraph, useTestGraph } from '../support/test-graph';

const { graph } = useTestGraph();
beforeAll(async () => {
  await clearGraph(graph());
  await graph().installSchema();
});

const ajv = addFormats(new Ajv2020({ allErrors: true, useDefaults: true }));
const validateCreate = ajv.compile(toJsonSchema(Person, { shape: 'create' }));
const validateRead = ajv.compile(toJsonSchema(Person, { shape: 'read' }));

describe('a request body validated with the model JSON Schema', () => {
  it('rejects what the model would refuse, naming the fields', () => {
    const body = { email: 'not-an-email', plan: 'gold', age: 1.5, nickname: 'x' };
    expect(validateCreate(body)).toBe(false);
    const problems = validateCreate.errors!.map((e) => `${e.instancePath} ${e.keyword}`);
    expect(problems).toEqual(
      expect.arrayContaining(['/email format', '/plan enum', '/age type', ' additionalProperties']),
    );
  });

  it('accepts a good body, which then creates the node on Neo4j and reads back in the read shape', async () => {
    const body: Record<string, unknown> = { email: 'ada@example.com', name: 'Ada' };
    expect(validateCreate(body)).toBe(true);
    // useDefaults filled in the model's JSON defaults.
    expect(body).toMatchObject({ age: 0, plan: 'free' });
    const person = await Person.create(body as CreateProps<Person>);
    const stored = await Person.nodes.get({ email: 'ada@example.com' });
    expect(stored.uid).toBe(person.uid);
    const read = {
      uid: stored.uid,
      email: stored.email,
      name: stored.name,
      age: stored.age,
      plan: stored.plan,
      createdAt: stored.createdAt.toISOString(),
    };
    expect(validateRead(read)).toBe(true);
  });
});
