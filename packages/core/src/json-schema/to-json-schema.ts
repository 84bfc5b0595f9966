import type { PropertyType } from '../properties/property-type';
import type { AnyClass, PropertyDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';

/** A JSON Schema (draft 2020-12) object, as {@link toJsonSchema} produces it. */
export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  default?: unknown;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  oneOf?: JsonSchema[];
  readOnly?: boolean;
}

/** Which side of an API boundary the schema describes. */
export interface JsonSchemaOptions {
  /**
   * `'create'` (default): a request body for `Model.create` — generated ids (`@UniqueIdProperty`)
   * left out, required = required properties without a default, no other properties allowed.
   * `'read'`: a node as the API returns it — every property, generated ids `readOnly`, required =
   * required, defaulted and generated properties.
   */
  shape?: 'create' | 'read';
  /** Allow properties the model does not declare; default false for `create`, true for `read`. */
  additionalProperties?: boolean;
}

/**
 * A JSON Schema of a `@Node` or `@Rel` model, made from the registry's property definitions (types,
 * required, choices, defaults, formats `email` / `uuid` / `date` / `date-time`, lists and vectors),
 * so that a REST layer can validate request bodies without a second set of DTOs. Keys are the
 * model's field names. Values are JSON: dates and date-times are ISO strings, big integers strings
 * of digits, points `{ longitude, latitude }` or `{ x, y }` objects.
 */
export function toJsonSchema(model: AnyClass, options: JsonSchemaOptions = {}): JsonSchema {
  const shape = options.shape ?? 'create';
  const definition = registry.findNode(model) ?? registry.relationshipModel(model);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const property of definition.properties.values()) {
    if (shape === 'create' && property.isIdentity) continue;
    const schema = propertySchema(property);
    if (shape === 'read' && property.isIdentity) schema.readOnly = true;
    properties[property.name] = schema;
    const needed =
      shape === 'create'
        ? property.required && !property.hasDefault
        : property.required || property.hasDefault || property.isIdentity;
    if (needed) required.push(property.name);
  }
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: shape === 'create' ? `${definition.name} (create)` : definition.name,
    type: 'object',
    properties,
    additionalProperties: options.additionalProperties ?? shape === 'read',
  };
  if (required.length > 0) schema.required = required;
  return schema;
}

function propertySchema(property: PropertyDefinition): JsonSchema {
  const schema = typeSchema(property.type);
  if (property.vector && schema.type === 'array') {
    schema.items = { type: 'number' };
    schema.minItems = property.vector.dimensions;
    schema.maxItems = property.vector.dimensions;
  }
  if (property.choices) schema.enum = [...property.choices];
  if (property.hasDefault && typeof property.defaultValue !== 'function') {
    const value = jsonValue(property.defaultValue);
    if (value !== undefined) schema.default = value;
  }
  return schema;
}

/** The schema of one property type, by its `name` (lists recurse into their item type). */
export function typeSchema(type: PropertyType): JsonSchema {
  const list = /^list<(.+)>$/.exec(type.name);
  if (list) return { type: 'array', items: typeSchema({ ...type, name: list[1]! }) };
  // vectorType(n): a list of numbers; the property's `vector` option adds the exact length.
  if (/^vector<\d+>$/.test(type.name)) return { type: 'array', items: { type: 'number' } };
  switch (type.name) {
    case 'string':
    case 'regex':
      return { type: 'string' };
    case 'email':
      return { type: 'string', format: 'email' };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'integer':
      return { type: 'integer' };
    case 'bigint':
      return { type: 'string', pattern: '^-?[0-9]+$' };
    case 'float':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
    case 'zoned-datetime':
      return { type: 'string', format: 'date-time' };
    case 'duration':
      return { type: 'string', format: 'duration' };
    case 'point':
      return {
        oneOf: [
          {
            type: 'object',
            properties: {
              longitude: { type: 'number' },
              latitude: { type: 'number' },
              height: { type: 'number' },
            },
            required: ['longitude', 'latitude'],
          },
          {
            type: 'object',
            properties: { x: { type: 'number' }, y: { type: 'number' }, z: { type: 'number' } },
            required: ['x', 'y'],
          },
        ],
      };
    default:
      // json and custom types: any JSON value.
      return {};
  }
}

function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (Array.isArray(value)) return value.map(jsonValue);
  return undefined;
}
