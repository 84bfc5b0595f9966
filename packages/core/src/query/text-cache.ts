import { type Clause, query, render } from '@cartograph/cypher';
import type { CompiledQuery } from '../executor/types';
import { KeyTable } from './key-table';
import { ParamSlots } from './param-slots';
import { PlanKey } from './plan-key';
import { lastStage, type NodeSetState } from './state';

const textCache = new KeyTable<string>(2_000);
/** Reused by every call: compiling is synchronous, and nothing else writes this key. */
const key = new PlanKey();

/**
 * `CARTOGRAPH_VERIFY_QUERY_CACHE=1` (set by the test suite) builds and renders every query even on a
 * cache hit and fails when the cached text differs: a part of the plan that the key does not see (a
 * value the compiler writes into the text without a Bound, a field the key skips on purpose that
 * the compiler starts to read) would otherwise hand one query's text to another silently. Off in
 * production: one read at load time.
 */
const verify = process.env.CARTOGRAPH_VERIFY_QUERY_CACHE === '1';

/**
 * Compiles through the text cache: the plan itself, everything in it but its parameter values
 * ({@link PlanKey}), is the key, so a query run again with other values skips building and
 * rendering the AST. `kind` names the projection, `extra` is what it adds to the plan (columns,
 * aggregates). The query carries the model of the set (the far end of a traversal) for telemetry. Measured on a 3-filter, 1-hop chain: about 4x more queries built per second (see
 * bench/compile-rate.ts).
 */
export function cached(
  state: NodeSetState,
  kind: string,
  build: (slots: ParamSlots) => Clause[],
  extra?: unknown,
): CompiledQuery {
  const slots = new ParamSlots();
  key.write(kind, state, extra, slots.bounds);
  let cypher = textCache.get(key);
  if (cypher === undefined) {
    cypher = render(query(...build(slots))).cypher;
    textCache.set(key, cypher);
  } else if (verify) {
    checkCachedText(cypher, build(slots));
  }
  return slots.compiled(cypher, lastStage(state).definition.name);
}

/** Compares the cached text with the text of the clauses built (with the same slots) for this call. */
function checkCachedText(cypher: string, clauses: Clause[]): void {
  const fresh = render(query(...clauses)).cypher;
  if (fresh !== cypher) {
    throw new Error(
      `The compiled-query cache returned another query's text: the compiler read a part of the plan that PlanKey does not see.\ncached: ${cypher}\nfresh:  ${fresh}`,
    );
  }
}

/** Forgets cached query texts (tests and benchmarks measuring the uncached path). */
export function clearCompiledCache(): void {
  textCache.clear();
}
