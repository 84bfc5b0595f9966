import type { NodeDefinition } from '../../registry/definitions';
import type { AnnotationPlan } from '../annotation-plan';
import type { FetchNode, FetchPlan } from '../fetch-plan';
import type { SortKey } from '../plan';
import { allOf, type Hop, type Predicate } from '../plan';
import type { NodeSetState, Stage } from '../state';
import { pluginsFor, pluginsRegistered } from './registry';

/**
 * The transform step between the query plan and the Cypher AST: every node position of the plan
 * (stages, `has()` hops, eager-loaded relations, annotation and ordering paths) gets the conditions
 * of the plugins of its model, then each plugin's `transformPlan` runs. Without any plugin
 * registered the plan is returned as is (one branch: the compile rate is unchanged).
 */
export function applyPlugins(state: NodeSetState): NodeSetState {
  if (!pluginsRegistered() || state.guarded) return state;
  return transform(state);
}

function transform(state: NodeSetState): NodeSetState {
  const options = state.pluginOptions ?? {};
  const conditions = new Map<NodeDefinition, Predicate | undefined>();
  const planHooks = new Set<(plan: NodeSetState) => NodeSetState>();
  let changed = false;
  const condition = (definition: NodeDefinition): Predicate | undefined => {
    if (conditions.has(definition)) return conditions.get(definition);
    const parts: Predicate[] = [];
    for (const plugin of pluginsFor(definition, state.call?.graph)) {
      const part = plugin.transformNode?.({ definition, options });
      if (part) parts.push(part);
      if (plugin.transformPlan) planHooks.add(plugin.transformPlan.bind(plugin));
    }
    const combined = allOf(parts);
    conditions.set(definition, combined);
    return combined;
  };
  const hop = (h: Hop): Hop => {
    const guard = h.target && condition(h.target);
    if (guard === undefined) return h;
    changed = true;
    return Object.freeze({ ...h, guard: h.guard ? allOf([h.guard, guard]) : guard });
  };
  const predicate = (p: Predicate): Predicate => {
    switch (p.k) {
      case 'op':
        return p;
      case 'and':
      case 'or':
        return { k: p.k, items: p.items.map(predicate) };
      case 'not':
        return { k: 'not', item: predicate(p.item) };
      case 'exists':
        return { k: 'exists', hop: hop(p.hop), where: p.where && predicate(p.where) };
    }
  };
  const fetchNode = (node: FetchNode): FetchNode =>
    Object.freeze({ ...node, hop: hop(node.hop), children: node.children.map(fetchNode) });
  const stages = state.stages.map((stage): Stage => {
    const where = stage.where.map(predicate);
    const own = condition(stage.definition);
    if (own) {
      where.push(own);
      changed = true;
    }
    const order = stage.order.map(
      (key): SortKey => (key.hops.length === 0 ? key : { ...key, hops: key.hops.map(hop) }),
    );
    const annotations = stage.annotations.map(
      (plan): AnnotationPlan => Object.freeze({ ...plan, hops: plan.hops.map(hop) }),
    );
    return Object.freeze({ ...stage, where: Object.freeze(where), order, annotations });
  });
  const fetch: FetchPlan | undefined = state.fetch && {
    paths: state.fetch.paths,
    roots: state.fetch.roots.map(fetchNode),
    required: state.fetch.required.map(predicate),
  };
  let result: NodeSetState = changed
    ? Object.freeze({ ...state, stages: Object.freeze(stages), fetch, guarded: true })
    : state;
  for (const transformPlan of planHooks) result = transformPlan(result);
  return result;
}
