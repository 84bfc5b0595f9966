import type { Node as Neo4jNode } from 'neo4j-driver';
import { setState } from '../mapping/entity-state';
import { instantiate } from '../mapping/hydrate';
import { type StoredValueReader, storedValueReader } from '../mapping/stored-value';
import type { NodeDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';

interface FieldPlan {
  readonly name: string;
  readonly dbName: string;
  readonly read: StoredValueReader;
}

/** What hydrating a node of one concrete model takes, computed once per model. */
interface ModelPlan {
  readonly create: () => object;
  readonly fields: readonly FieldPlan[];
  /** Instances come with own fields (class-field initialisers), which absent values must clear. */
  readonly clearsAbsent: boolean;
}

const plans = new WeakMap<NodeDefinition, ModelPlan>();

function planOf(definition: NodeDefinition): ModelPlan {
  let plan = plans.get(definition);
  if (!plan) {
    const target = definition.target;
    const fields = [...definition.properties.values()].map(
      (property): FieldPlan => ({
        name: property.name,
        dbName: property.dbName,
        read: storedValueReader(definition.name, property),
      }),
    );
    // A class without own instance fields needs none of instantiate()'s clean-up per instance.
    const clearsAbsent = Object.keys(new (target as new () => object)()).length > 0;
    const construct = target as new () => object;
    plan = {
      create: clearsAbsent ? () => instantiate(target) : () => new construct(),
      fields,
      clearsAbsent,
    };
    plans.set(definition, plan);
  }
  return plan;
}

type Resolutions = Map<NodeDefinition, Map<string, ModelPlan>>;

const MAX_LABEL_SETS = 1_000;

let current: { readonly generation: number; readonly resolved: Resolutions } | undefined;

/** The label resolutions of the registry as it is now: shared by queries until a model registers. */
function resolutions(): Resolutions {
  const generation = registry.generation;
  if (current?.generation !== generation) current = { generation, resolved: new Map() };
  return current.resolved;
}

function isSubclass(candidate: NodeDefinition, base: NodeDefinition): boolean {
  return candidate === base || candidate.target.prototype instanceof base.target;
}

/**
 * Builds model instances from driver nodes exactly as `hydrateNode` does (most specific model by
 * labels, properties inflated and checked, state recorded for dirty tracking), with the per-model work done
 * once: query results hydrate thousands of nodes of few models. Label resolution is remembered for
 * as long as no model registers; a hydrator keeps the resolutions it started with, so one result is
 * read one way, and a model registered later is seen by the next query.
 */
export class NodeHydrator {
  readonly #resolved = resolutions();

  hydrate(definition: NodeDefinition, node: Neo4jNode): object {
    const plan = this.#plan(definition, node.labels);
    const instance = plan.create() as Record<string, unknown>;
    const stored = node.properties as Record<string, unknown>;
    const fields = plan.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as FieldPlan;
      // Checked as a write would check it: stored data that breaks the model raises HydrationError.
      const value = field.read(stored[field.dbName], node);
      if (value !== undefined) instance[field.name] = value;
      else if (plan.clearsAbsent) delete instance[field.name];
    }
    setState(instance, { elementId: node.elementId, snapshot: stored });
    return instance;
  }

  #plan(definition: NodeDefinition, labels: readonly string[]): ModelPlan {
    let byLabels = this.#resolved.get(definition);
    if (!byLabels) {
      byLabels = new Map();
      this.#resolved.set(definition, byLabels);
    }
    const key = labels.length === 1 ? (labels[0] as string) : labels.join('\u0000');
    let plan = byLabels.get(key);
    if (!plan) {
      const resolved = registry.resolveByLabels(labels);
      plan = planOf(resolved && isSubclass(resolved, definition) ? resolved : definition);
      // Shared by every query, so bounded: data with many label combinations would grow it for good.
      if (byLabels.size >= MAX_LABEL_SETS) byLabels.clear();
      byLabels.set(key, plan);
    }
    return plan;
  }
}
