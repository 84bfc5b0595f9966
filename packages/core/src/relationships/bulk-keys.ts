import { ForbiddenPropertyNameError, InvalidKeyError, ValidationError } from '../errors';
import { isForbiddenKey } from '../mapping/write-input';
import { describeValue } from '../properties/describe-value';
import type { ConversionContext } from '../properties/property-type';
import type { NodeDefinition, PropertyDefinition } from '../registry/definitions';

/** The key property one side of a bulk relationship write matches nodes by. */
export interface KeyProperty {
  readonly definition: NodeDefinition;
  readonly property: PropertyDefinition;
}

interface ReaderKey extends KeyProperty {
  /** The key as the input names it (a property name or an alias), and its model: for conversion errors. */
  readonly context: ConversionContext;
}

/**
 * Reads node keys (`{ email: 'a@example.com' }`) for one side of a bulk relationship write. Every key
 * must name the same property, and that property must be unique (or the model's
 * `@UniqueIdProperty`), so a key matches at most one node. Names are looked up in the registry and
 * never reach the Cypher text; values are converted by the property's type. `side` names the input
 * in errors (`from`, `to`).
 */
export class KeyReader {
  #key: ReaderKey | undefined;

  constructor(
    private readonly definition: NodeDefinition,
    private readonly side: string,
  ) {}

  /** The key property, once a key was read. */
  get key(): KeyProperty | undefined {
    return this.#key;
  }

  /**
   * The stored value of one key.
   * @throws InvalidKeyError, ForbiddenPropertyNameError, ValidationError (a value of the wrong type)
   */
  read(input: unknown, position: number): unknown {
    const { definition } = this;
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new InvalidKeyError(
        definition.name,
        `pair ${position}: \`${this.side}\` must be an object naming one unique property, e.g. { email: '...' }; got ${describeValue(input)}.`,
      );
    }
    const names = Object.keys(input);
    if (names.length !== 1) {
      throw new InvalidKeyError(
        definition.name,
        `pair ${position}: \`${this.side}\` must name exactly one unique property, got ${names.length} (${names.map((n) => JSON.stringify(n)).join(', ')}).`,
      );
    }
    const name = names[0]!;
    const key = this.#key?.context.field === name ? this.#key : this.#keyOf(name, position);
    const value = (input as Record<string, unknown>)[name];
    if (value === null || value === undefined) throw this.#invalid(name, position, ['is required in a key']);
    // Deflating refuses what validating refuses (see assertValid): one check per key, and the
    // messages are gathered only for a refused value.
    try {
      return key.property.type.deflate(value as never, key.context);
    } catch (error) {
      const messages = key.property.type.validate(value);
      if (messages.length === 0) throw error;
      throw this.#invalid(name, position, messages);
    }
  }

  #invalid(name: string, position: number, messages: readonly string[]): ValidationError {
    return new ValidationError(
      this.definition.name,
      messages.map((message) => ({
        field: `[${position}].${this.side}.${name}`,
        message,
        constraint: 'key',
      })),
    );
  }

  #keyOf(name: string, position: number): ReaderKey {
    const { definition } = this;
    if (isForbiddenKey(name)) throw new ForbiddenPropertyNameError(definition.name, name);
    const property = definition.properties.get(definition.aliases.get(name) ?? name);
    if (!property) {
      throw new InvalidKeyError(
        definition.name,
        `pair ${position}: ${JSON.stringify(name)} is not a property of ${definition.name}. Keys name a unique property (${uniqueNames(definition)}).`,
      );
    }
    if (!property.unique && !property.isIdentity) {
      throw new InvalidKeyError(
        definition.name,
        `pair ${position}: ${name} is not unique, so it may match several nodes. Keys name a unique property (${uniqueNames(definition)}).`,
      );
    }
    if (this.#key) {
      throw new InvalidKeyError(
        definition.name,
        `pair ${position}: \`${this.side}\` names ${name}, earlier pairs ${this.#key.context.field}. Use one key property per side in a call.`,
      );
    }
    this.#key = { definition, property, context: { model: definition.name, field: name } };
    return this.#key;
  }
}

function uniqueNames(definition: NodeDefinition): string {
  const names = [...definition.properties.values()]
    .filter((p) => p.unique || p.isIdentity)
    .map((p) => p.name);
  return names.length > 0 ? names.join(', ') : 'the model declares none';
}
