import type { Expr, Variable } from '@cartograph/cypher';
import type { NodeDefinition } from '../../registry/definitions';
import { KeyTable } from '../key-table';
import { Names } from '../names';
import { ParamSlots } from '../param-slots';
import { allOf, type Predicate } from '../plan';
import { PlanKey } from '../plan-key';
import { compilePredicate } from '../predicates';
import { pluginsFor, pluginsRegistered } from './registry';

/** Conditions met so far, each numbered once: conditions differing only in values share a number. */
const shapes = new KeyTable<string>(1_000);
let nextShape = 0;
const key = new PlanKey();

/**
 * The conditions plugins put on every node of some models (`transformNode`, with no query
 * options), for statements that find existing nodes by key outside a query plan: `relate`,
 * `relateMany` and `unrelateMany` see only the nodes a query would see (not soft-deleted, the
 * current tenant's). Values are parameters (`v0`, `v1`, ...), so the text depends on the
 * conditions' {@link shape} only (their plan key, see `plan-key.ts`) and can be rendered once per
 * shape.
 */
export class KeyedConditions {
  /** No condition at any position (no plugin registered, or none sets one). */
  static readonly none = new KeyedConditions([]);
  /** Equal for two instances (over the same models) only when {@link where} builds the same text. */
  readonly shape: string;
  readonly #predicates: readonly (Predicate | undefined)[];
  readonly #slots: ParamSlots;
  readonly #names = new Names();

  private constructor(predicates: readonly (Predicate | undefined)[]) {
    this.#predicates = predicates;
    this.#slots = new ParamSlots();
    key.writeValue('keyed conditions', predicates, this.#slots.bounds);
    let shape = shapes.get(key);
    if (shape === undefined) {
      // Counted, not the table's size: a number is never given to two shapes, even after eviction.
      shape = `${nextShape++}`;
      shapes.set(key, shape);
    }
    this.shape = shape;
  }

  /** The conditions of `definitions` (one position each), as the plugins of the running code set them. */
  static of(definitions: readonly NodeDefinition[]): KeyedConditions {
    if (!pluginsRegistered()) return KeyedConditions.none;
    const predicates = definitions.map((definition) => {
      const parts: Predicate[] = [];
      for (const plugin of pluginsFor(definition)) {
        const part = plugin.transformNode?.({ definition, options: {} });
        if (part) parts.push(part);
      }
      return allOf(parts);
    });
    return predicates.every((p) => p === undefined) ? KeyedConditions.none : new KeyedConditions(predicates);
  }

  /** The condition on `node` for the definition at `position`; undefined when no plugin sets one. */
  where(position: number, node: Variable): Expr | undefined {
    const predicate = this.#predicates[position];
    if (predicate === undefined) return undefined;
    return compilePredicate(predicate, { node, rel: undefined, names: this.#names, slots: this.#slots });
  }

  /** The parameters of the conditions, to send with the statement. */
  params(): Record<string, unknown> {
    return this.#slots.params();
  }

  /** Names of the parameters bound to sensitive properties, for the query log's redaction. */
  sensitive(): string[] {
    return this.#slots.sensitiveNames() ?? [];
  }
}
