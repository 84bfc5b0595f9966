import 'reflect-metadata';
import {
  ArrayProperty,
  DateProperty,
  FloatType,
  type GeoPoint,
  JsonProperty,
  Node,
  NodeEntity,
  PointProperty,
  StringType,
  toJsonSchema,
  VectorProperty,
} from '../../src';
import { Knows, Person } from '../support/social-models';

@Node()
class Document extends NodeEntity {
  @ArrayProperty(FloatType, { index: 'vector', vector: { dimensions: 3, similarity: 'cosine' } })
  embedding!: number[];
  @ArrayProperty(StringType, { default: ['draft'] }) tags!: string[];
  @DateProperty() published!: Date;
  @PointProperty() location!: GeoPoint;
  @JsonProperty() extra!: unknown;
  @VectorProperty({ dimensions: 4, similarity: 'euclidean' }) position!: number[];
}

describe('toJsonSchema', () => {
  it('describes a create body: types, formats, choices, defaults, required; generated ids left out', () => {
    const schema = toJsonSchema(Person, { shape: 'create' });
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      required: ['email'],
      properties: {
        email: { type: 'string', format: 'email' },
        name: { type: 'string' },
        age: { type: 'integer', default: 0 },
        createdAt: { type: 'string', format: 'date-time' },
        plan: { type: 'string', enum: ['free', 'pro', 'enterprise'], default: 'free' },
      },
    });
    expect(schema.properties).not.toHaveProperty('uid');
    // A default made by a function per instance has no single JSON value.
    expect(schema.properties!.createdAt).not.toHaveProperty('default');
  });

  it('describes a read shape: generated ids read-only, defaulted fields always present', () => {
    const schema = toJsonSchema(Person, { shape: 'read' });
    expect(schema.properties!.uid).toEqual({ type: 'string', format: 'uuid', readOnly: true });
    expect(schema.required).toEqual(expect.arrayContaining(['uid', 'email', 'age', 'createdAt', 'plan']));
    expect(schema.required).not.toContain('name');
    expect(schema.additionalProperties).toBe(true);
  });

  it('maps lists, vectors, dates, points and JSON', () => {
    const { properties } = toJsonSchema(Document);
    expect(properties!.embedding).toEqual({
      type: 'array',
      items: { type: 'number' },
      minItems: 3,
      maxItems: 3,
    });
    expect(properties!.position).toEqual({
      type: 'array',
      items: { type: 'number' },
      minItems: 4,
      maxItems: 4,
    });
    expect(properties!.tags).toEqual({ type: 'array', items: { type: 'string' }, default: ['draft'] });
    expect(properties!.published).toEqual({ type: 'string', format: 'date' });
    expect(properties!.location!.oneOf).toHaveLength(2);
    expect(properties!.extra).toEqual({});
  });

  it('works for relationship models', () => {
    expect(toJsonSchema(Knows).properties).toMatchObject({
      since: { type: 'string', format: 'date' },
      closeness: { type: 'number', default: 0.5 },
    });
  });
});
