import type { Node as Neo4jNode, Record as Neo4jRecord } from 'neo4j-driver';
import type { NodeDefinition } from '../registry/definitions';
import type { AnnotationPlan } from './annotation-plan';
import type { NodeLayout } from './compile';
import { type FetchNode, type Hydrator, storeFetched } from './fetch-plan';
import { NodeHydrator } from './hydrator';
import { inflateAggregate } from './value-types';

/**
 * A hydrator for one result: a node that appears several times (a shared employer, a friend of
 * several people) becomes one instance, which also saves the work of hydrating it again.
 */
export function resultHydrator(nodes = new NodeHydrator()): Hydrator {
  const seen = new Map<string, object>();
  return (definition, node) => {
    let instance = seen.get(node.elementId);
    if (instance === undefined) {
      instance = nodes.hydrate(definition, node);
      seen.set(node.elementId, instance);
    }
    return instance;
  };
}

/**
 * Reads one row of a node query: the node, its annotations and eager-loaded relations. With
 * `shared` (the default) one instance per node is kept for the whole result; streams pass false so
 * that memory stays bounded by one row.
 */
export function nodeMapper<T>(
  definition: NodeDefinition,
  layout: NodeLayout,
  shared = true,
): (record: Neo4jRecord) => T {
  const { annotations, fetch } = layout;
  const nodes = new NodeHydrator();
  if (annotations.length === 0 && fetch.length === 0) {
    return (record) => nodes.hydrate(definition, record.get(0) as Neo4jNode) as T;
  }
  const resultWide = shared ? resultHydrator(nodes) : undefined;
  // Rows are registered for sharing only when a loaded relation can lead back to their model;
  // otherwise no related node can be one of them, and registering every row would cost a map entry each.
  const rowsShared =
    fetch.some((root) => reaches(root, definition)) ||
    annotations.some((a) => a.kind === 'collect' && a.key === undefined && related(a.target, definition));
  return (record) => {
    const hydrate = resultWide ?? resultHydrator(nodes);
    const node = record.get(0) as Neo4jNode;
    const instance = rowsShared ? hydrate(definition, node) : nodes.hydrate(definition, node);
    const target = instance as Record<string, unknown>;
    let column = 1;
    for (const plan of annotations) target[plan.name] = annotationValue(plan, record.get(column++), hydrate);
    for (const root of fetch) storeFetched(instance, root, record.get(column++), hydrate);
    return instance as T;
  };
}

/** Whether a loaded relation (at any depth) ends at nodes that may be of `definition`'s model. */
function reaches(fetch: FetchNode, definition: NodeDefinition): boolean {
  return related(fetch.target, definition) || fetch.children.some((child) => reaches(child, definition));
}

function related(one: NodeDefinition, other: NodeDefinition): boolean {
  const [a, b] = [one.target, other.target];
  return a === b || a.prototype instanceof b || b.prototype instanceof a;
}

/** The JS value of an annotation column. */
export function annotationValue(plan: AnnotationPlan, raw: unknown, hydrate: Hydrator): unknown {
  if (plan.kind === 'collect' && plan.key === undefined) {
    return (raw as Neo4jNode[]).map((node) => hydrate(plan.target, node));
  }
  return inflateAggregate(plan.kind, plan.valueType, raw, { model: plan.target.name, field: plan.name });
}
