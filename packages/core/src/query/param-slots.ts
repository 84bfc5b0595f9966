import { type Param, param } from '@cartograph/cypher';

/**
 * The values of one query, named `v0`, `v1`, ... in the order {@link shapeOf} meets them. The
 * compiler asks for a value's parameter by the object that owns it (a predicate, a stage's skip or
 * limit), so the same name is used however the compiler orders the text.
 */
export class ParamSlots {
  readonly values: unknown[] = [];
  readonly #owners = new Map<object, number>();
  readonly #limits = new Map<object, number>();
  /** Slots whose value is bound to a sensitive property (masked in logs). */
  readonly #sensitive: number[] = [];

  register(owner: object, value: unknown, sensitive = false): void {
    const index = this.values.push(value) - 1;
    this.#owners.set(owner, index);
    if (sensitive) this.#sensitive.push(index);
  }

  registerLimit(owner: object, value: unknown): void {
    this.#limits.set(owner, this.values.push(value) - 1);
  }

  /** The parameter of `owner`'s value (registered by the shape walk, or now). */
  param(owner: object, value: unknown, sensitive = false): Param {
    let index = this.#owners.get(owner);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.#owners.set(owner, index);
      if (sensitive) this.#sensitive.push(index);
    }
    return param(value, NAMES[index] ?? `v${index}`);
  }

  /** The parameter of a stage's LIMIT. */
  limitParam(owner: object, value: unknown): Param {
    let index = this.#limits.get(owner);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.#limits.set(owner, index);
    }
    return param(value, NAMES[index] ?? `v${index}`);
  }

  /** Names of the parameters bound to sensitive properties, for the query log's redaction. */
  sensitiveNames(): string[] {
    return this.#sensitive.map((i) => NAMES[i] ?? `v${i}`);
  }

  /** `{ v0: ..., v1: ... }` */
  params(): Record<string, unknown> {
    const params: Record<string, unknown> = {};
    for (let i = 0; i < this.values.length; i++) params[NAMES[i] ?? `v${i}`] = this.values[i];
    return params;
  }
}

const NAMES = Array.from({ length: 64 }, (_, i) => `v${i}`);
