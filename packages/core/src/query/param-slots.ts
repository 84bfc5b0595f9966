import { type Param, param } from '@cartograph/cypher';
import type { CompiledQuery } from '../executor/types';
import type { Bound } from './bound';

/**
 * The values of one query, named `v0`, `v1`, ... in the order the compile cache's key meets their
 * {@link Bound}s (see `plan-key.ts`), so a text cached for one plan names the values of another
 * plan of the same structure alike. The compiler asks for a value's parameter by its Bound, so the
 * name is the same however the compiler orders the text; a Bound the key did not meet (a query
 * compiled without the cache) is named when first asked for.
 */
export class ParamSlots {
  /** Filled by the key's walk, in walk order; read by the compiler through {@link param}. */
  readonly bounds: Bound[] = [];
  /** Bound -> index, built on the first {@link param} call (only a cache miss compiles). */
  #index: Map<Bound, number> | undefined;

  /** The parameter holding `bound`'s value. */
  param(bound: Bound): Param {
    const index = this.#indexOf(bound);
    return param(bound.value, NAMES[index] ?? `v${index}`);
  }

  #indexOf(bound: Bound): number {
    if (this.#index === undefined) {
      this.#index = new Map();
      for (let i = 0; i < this.bounds.length; i++) this.#index.set(this.bounds[i] as Bound, i);
    }
    let index = this.#index.get(bound);
    if (index === undefined) {
      index = this.bounds.push(bound) - 1;
      this.#index.set(bound, index);
    }
    return index;
  }

  /** Names of the parameters bound to sensitive properties, for the query log's redaction. */
  sensitiveNames(): string[] | undefined {
    let names: string[] | undefined;
    for (let i = 0; i < this.bounds.length; i++) {
      if (!(this.bounds[i] as Bound).sensitive) continue;
      names ??= [];
      names.push(NAMES[i] ?? `v${i}`);
    }
    return names;
  }

  /** The query: its text, these values, which of them are secrets, and the model it reads. */
  compiled(cypher: string, model: string): CompiledQuery {
    const sensitive = this.sensitiveNames();
    return sensitive === undefined
      ? { cypher, params: this.params(), model }
      : { cypher, params: this.params(), sensitive, model };
  }

  /** `{ v0: ..., v1: ... }` */
  params(): Record<string, unknown> {
    const params: Record<string, unknown> = {};
    for (let i = 0; i < this.bounds.length; i++)
      params[NAMES[i] ?? `v${i}`] = (this.bounds[i] as Bound).value;
    return params;
  }
}

const NAMES = Array.from({ length: 64 }, (_, i) => `v${i}`);
