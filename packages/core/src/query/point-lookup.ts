import type { CompiledQuery } from '../executor/types';
import type { NodeDefinition } from '../registry/definitions';
import { integerBound } from './bound';
import { compileNodes } from './compile';
import { isPlainObject, normalizeFilter } from './filters';
import { convertOperand, type FieldRef } from './operands';
import type { Predicate } from './plan';
import { pluginsRegistered } from './plugins/registry';
import { stageScope } from './stage-scope';
import { lastStage, type NodeSetState, withLastStage } from './state';

/** What `get()` / `getOrNull()` fetch: two rows, so that a second match can be reported. */
export const GET_LIMIT = 2;

/** How one list of filter keys of one model is looked up: planned once, reused by every call. */
interface LookupPlan {
  /** The field of each key, in the order of the filter's keys. */
  readonly fields: readonly FieldRef[];
  /** The parameter each key's value goes to. */
  readonly names: readonly string[];
  readonly limitName: string;
  readonly cypher: string;
  readonly sensitive: readonly string[] | undefined;
  /** The model the query reads, for telemetry and the query log. */
  readonly model: string | undefined;
}

/** Per model, per key list (`'email'`, `'email\u0000name'`): the plan, or null where none applies. */
const plans = new WeakMap<NodeDefinition, Map<string, LookupPlan | null>>();

/** See the text cache: the test suite checks every lookup against the general path. */
const verify = process.env.CARTOGRAPH_VERIFY_QUERY_CACHE === '1';

/**
 * The query of `Model.nodes.get({ key: value, ... })`, the commonest read there is, without
 * building a filtered node set and walking it for the compile cache's key: its text, parameter
 * names and sensitive marks are taken once per model and key list from the general path
 * ({@link compileNodes}), and each call only converts its values as that path does. Returns
 * undefined, leaving the call to the general path (and its errors), for anything else: a set that
 * is not a model's whole set, an operator object, `null`, a relationship or unknown key, a `Q`
 * expression, or any plugin registered (plugins rewrite plans).
 */
export function pointLookup(state: NodeSetState, filters: unknown): CompiledQuery | undefined {
  if (!isWholeSet(state) || !isPlainObject(filters) || pluginsRegistered()) return undefined;
  const keys = Object.keys(filters);
  if (keys.length === 0) return undefined;
  for (let i = 0; i < keys.length; i++) {
    const value = filters[keys[i] as string];
    if (value === undefined || value === null || isPlainObject(value)) return undefined;
  }
  const definition = lastStage(state).definition;
  let byKeys = plans.get(definition);
  if (!byKeys) {
    byKeys = new Map();
    plans.set(definition, byKeys);
  }
  const key = keys.length === 1 ? (keys[0] as string) : keys.join('\u0000');
  let plan = byKeys.get(key);
  if (plan === undefined) {
    plan = planLookup(state, keys, filters);
    byKeys.set(key, plan);
  }
  if (plan === null) return undefined;
  const params: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const value = filters[keys[i] as string];
    params[plan.names[i] as string] = convertOperand(plan.fields[i] as FieldRef, 'eq', value);
  }
  params[plan.limitName] = LIMIT;
  const compiled: CompiledQuery =
    plan.sensitive === undefined
      ? { cypher: plan.cypher, params, model: plan.model }
      : { cypher: plan.cypher, params, sensitive: plan.sensitive, model: plan.model };
  if (verify) checkLookup(compiled, generalQuery(state, filters).compiled);
  return compiled;
}

const LIMIT = BigInt(GET_LIMIT);

/** `Model.nodes` as it is: one stage, nothing filtered, ordered, paged, loaded or optioned. */
function isWholeSet(state: NodeSetState): boolean {
  if (state.stages.length !== 1 || state.fetch !== undefined) return false;
  if (state.call !== undefined || state.lenient !== undefined || state.pluginOptions !== undefined)
    return false;
  const stage = state.stages[0];
  return (
    stage !== undefined &&
    stage.via === undefined &&
    stage.source === undefined &&
    stage.where.length === 0 &&
    stage.order.length === 0 &&
    stage.skip === undefined &&
    stage.limit === undefined &&
    !stage.distinct &&
    stage.annotations.length === 0
  );
}

/** What the general path makes of `filters`: `filter(filters)`, at most two rows, compiled. */
function generalQuery(state: NodeSetState, filters: Record<string, unknown>) {
  const predicate = normalizeFilter(stageScope(lastStage(state)), filters);
  const filtered = withLastStage(state, () => ({
    where: predicate === undefined ? [] : [predicate],
    limit: integerBound(GET_LIMIT),
  }));
  return { compiled: compileNodes(filtered).compiled, predicate };
}

/**
 * Plans a key list from the general path's query for this call's values: each key's value must be
 * the parameter in its position (`v0`, `v1`, ...), the limit the last one. Null when a key is not a
 * property or the element id, or when the query has any other shape.
 */
function planLookup(
  state: NodeSetState,
  keys: readonly string[],
  filters: Record<string, unknown>,
): LookupPlan | null {
  const scope = stageScope(lastStage(state));
  const fields: FieldRef[] = [];
  for (const key of keys) {
    const field = scope.relationships?.has(key) ? undefined : scope.field(key);
    if (!field || (field.on !== 'node' && field.on !== 'id')) return null;
    fields.push(field.ref);
  }
  const { compiled, predicate } = generalQuery(state, filters);
  const values = predicateValues(predicate);
  const names = keys.map((_, i) => `v${i}`);
  const limitName = `v${keys.length}`;
  const params = compiled.params;
  const fits =
    values !== undefined &&
    values.length === keys.length &&
    Object.keys(params).length === keys.length + 1 &&
    values.every((value, i) => params[names[i] as string] === value) &&
    params[limitName] === LIMIT;
  if (!fits) return null;
  return {
    fields,
    names,
    limitName,
    cypher: compiled.cypher,
    sensitive: compiled.sensitive === undefined ? undefined : [...compiled.sensitive],
    model: compiled.model,
  };
}

/** The converted values of an equality predicate (or a conjunction of them), in order. */
function predicateValues(predicate: Predicate | undefined): unknown[] | undefined {
  if (predicate?.k === 'op') return predicate.op === 'eq' ? [predicate.value.value] : undefined;
  if (predicate?.k !== 'and') return undefined;
  const values: unknown[] = [];
  for (const item of predicate.items) {
    if (item.k !== 'op' || item.op !== 'eq') return undefined;
    values.push(item.value.value);
  }
  return values;
}

function bigintText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}

function checkLookup(fast: CompiledQuery, general: CompiledQuery): void {
  const text = (query: CompiledQuery) =>
    JSON.stringify([query.cypher, query.params, query.sensitive ?? [], query.model], bigintText);
  if (text(fast) !== text(general)) {
    throw new Error(
      `A point lookup differs from the general path's query.\nlookup:  ${text(fast)}\ngeneral: ${text(general)}`,
    );
  }
}
