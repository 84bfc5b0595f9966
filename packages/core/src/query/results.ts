import type { Node as Neo4jNode, Record as Neo4jRecord } from 'neo4j-driver';
import { hydrateNode } from '../model/hydrate';
import type { NodeDefinition } from '../registry/definitions';
import type { AnnotationPlan } from './annotation-plan';
import type { NodeLayout } from './compile';
import { type Hydrator, storeFetched } from './fetch-plan';
import { inflateAggregate } from './value-types';

/**
 * A hydrator for one result: a node that appears several times (a shared employer, a friend of
 * several people) becomes one instance, which also saves the work of hydrating it again.
 */
export function resultHydrator(): Hydrator {
  const seen = new Map<string, object>();
  return (definition, node) => {
    let instance = seen.get(node.elementId);
    if (instance === undefined) {
      instance = hydrateNode<object>(definition, node);
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
  if (annotations.length === 0 && fetch.length === 0) {
    return (record) => hydrateNode<T & object>(definition, record.get(0) as Neo4jNode);
  }
  const resultWide = shared ? resultHydrator() : undefined;
  return (record) => {
    const hydrate = resultWide ?? resultHydrator();
    const instance = hydrate(definition, record.get(0) as Neo4jNode);
    const target = instance as Record<string, unknown>;
    let column = 1;
    for (const plan of annotations) target[plan.name] = annotationValue(plan, record.get(column++), hydrate);
    for (const root of fetch) storeFetched(instance, root, record.get(column++), hydrate);
    return instance as T;
  };
}

/** The JS value of an annotation column. */
export function annotationValue(plan: AnnotationPlan, raw: unknown, hydrate: Hydrator): unknown {
  if (plan.kind === 'collect' && plan.key === undefined) {
    return (raw as Neo4jNode[]).map((node) => hydrate(plan.target, node));
  }
  return inflateAggregate(plan.kind, plan.valueType, raw, { model: plan.target.name, field: plan.name });
}
