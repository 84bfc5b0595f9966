import { type Clause, query, render } from '@cartograph/cypher';
import type { CompiledQuery } from '../graph/graph';
import { ParamSlots } from './param-slots';
import { shapeOf } from './shape';
import type { NodeSetState } from './state';

const CACHE_LIMIT = 2_000;
const textCache = new Map<string, string>();

/**
 * `CARTOGRAPH_VERIFY_QUERY_CACHE=1` (set by the test suite) builds and renders every query even on a
 * cache hit and fails when the cached text differs: a plan field that `shapeOf` leaves out would
 * otherwise hand one query's text to another silently. Off in production: one read at load time.
 */
const verify = process.env.CARTOGRAPH_VERIFY_QUERY_CACHE === '1';

/**
 * Compiles through the text cache: the state's shape (everything but its values) is the key, so a
 * query run again with other values skips building and rendering the AST. Measured on a 3-filter,
 * 1-hop chain: about 2x more queries built per second (see bench/query.bench.ts).
 */
export function cached(
  state: NodeSetState,
  kind: string,
  build: (slots: ParamSlots) => Clause[],
): CompiledQuery {
  const slots = new ParamSlots();
  const key = kind + shapeOf(state, slots);
  let cypher = textCache.get(key);
  if (verify && cypher !== undefined) checkCachedText(cypher, build(slots));
  if (cypher === undefined) {
    cypher = render(query(...build(slots))).cypher;
    if (textCache.size >= CACHE_LIMIT) textCache.delete(textCache.keys().next().value as string);
    textCache.set(key, cypher);
  }
  const sensitive = slots.sensitiveNames();
  return sensitive.length === 0
    ? { cypher, params: slots.params() }
    : { cypher, params: slots.params(), sensitive };
}

/** Compares the cached text with the text of the clauses built (with the same slots) for this call. */
function checkCachedText(cypher: string, clauses: Clause[]): void {
  const fresh = render(query(...clauses)).cypher;
  if (fresh !== cypher) {
    throw new Error(
      `The compiled-query cache returned another query's text: shapeOf() misses a field of the plan.\ncached: ${cypher}\nfresh:  ${fresh}`,
    );
  }
}

/** Forgets cached query texts (tests and benchmarks measuring the uncached path). */
export function clearCompiledCache(): void {
  textCache.clear();
}
