import { Graph } from '../../graph/graph';
import type { NodeDefinition } from '../../registry/definitions';
import type { CartographPlugin } from './plugin';

const modelPlugins = new WeakMap<object, readonly CartographPlugin[]>();
let registrations = 0;

/**
 * Plugins of one model (and of its subclasses), on top of the graph's:
 * `usePlugins(Invoice, softDelete())`.
 */
export function usePlugins(
  model: abstract new (...args: never[]) => object,
  ...plugins: CartographPlugin[]
): void {
  modelPlugins.set(model, [...(modelPlugins.get(model) ?? []), ...plugins]);
  registrations++;
}

/** Whether any graph or model ever registered a plugin; false keeps queries on the plain path. */
export function pluginsRegistered(): boolean {
  return registrations > 0 || Graph.pluginsInUse;
}

/**
 * Plugins of the graph a query names (`withOptions({ graph })`), else of the graph running the
 * current code (its transaction's, else the default graph's).
 */
function graphPlugins(graph: Graph | undefined): readonly CartographPlugin[] {
  return ((graph ?? Graph.currentOrUndefined())?.plugins ?? []) as readonly CartographPlugin[];
}

/** The graph's plugins, then the model's (its own and its ancestors'), that apply to the model. */
export function pluginsFor(definition: NodeDefinition, graph?: Graph): CartographPlugin[] {
  const found: CartographPlugin[] = [];
  const add = (plugin: CartographPlugin) => {
    if (!found.includes(plugin) && (plugin.appliesTo?.(definition) ?? true)) found.push(plugin);
  };
  for (const plugin of graphPlugins(graph)) add(plugin);
  let model: unknown = definition.target;
  while (typeof model === 'function' && model !== Function.prototype) {
    for (const plugin of modelPlugins.get(model) ?? []) add(plugin);
    model = Object.getPrototypeOf(model);
  }
  return found;
}
