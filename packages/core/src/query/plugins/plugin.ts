import type { CompiledQuery } from '../../graph/graph';
import type { GraphPlugin } from '../../graph/graph-options';
import type { NodeDefinition } from '../../registry/definitions';
import { Bound } from '../bound';
import type { Predicate } from '../plan';
import type { NodeSetState, PluginOptions } from '../state';

/** What a plugin sees of one node position of a query plan. */
export interface NodeContext {
  /** The model matched at this position (the root, a traversal step, an eager-loaded relation...). */
  readonly definition: NodeDefinition;
  /** Options the query passed (`withDeleted()`, `withPluginOptions({...})`). */
  readonly options: PluginOptions;
}

/** A node being created (`save()` of a new instance, `createMany`, `getOrCreate`...). */
export interface CreateContext {
  readonly definition: NodeDefinition;
  /** The stored properties (Neo4j property keys to driver values). */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** `instance.delete()` of a saved node. */
export interface DeleteContext {
  readonly definition: NodeDefinition;
  readonly elementId: string;
  readonly instance: object;
}

/**
 * A query plugin: hooks of the transform step between the query plan and the Cypher AST (after
 * Kysely's `transformQuery`). Register on a graph (`Graph.connect({ plugins: [...] })`) or on a
 * model (`usePlugins(Model, plugin)`). See docs/plugins.md.
 */
export interface CartographPlugin extends GraphPlugin {
  readonly name: string;
  /** Limits the plugin to some models; default: every model. */
  appliesTo?(definition: NodeDefinition): boolean;
  /**
   * A condition every node of `context.definition` must meet wherever a query matches one: the
   * root of a set, each traversal step, `has()` filters, eager-loaded relations, annotations
   * (counts) and related-field ordering; also on the nodes `relate`, `relateMany` and
   * `unrelateMany` find by key (with no query options), so those see what a query sees. Build it
   * with {@link nodeCondition}.
   */
  transformNode?(context: NodeContext): Predicate | undefined;
  /** A last change to the whole plan, after the node conditions of every plugin are in. */
  transformPlan?(plan: NodeSetState): NodeSetState;
  /** The properties a created node is stored with. */
  transformCreate?(context: CreateContext): Record<string, unknown>;
  /** A query run instead of `DETACH DELETE` by `instance.delete()`; undefined deletes as usual. */
  transformDelete?(context: DeleteContext): CompiledQuery | undefined;
  /**
   * Stored properties set on every node of a set instead of deleting it, by the set's `delete()`
   * (`Model.nodes.filter(...).delete()`); undefined deletes as usual.
   */
  transformBulkDelete?(context: ModelContext): Record<string, unknown> | undefined;
  /**
   * Stored properties that keyed writes of nodes (`getOrCreate`, `createOrUpdate`, `merge`,
   * `importMany`) match on besides their key, so that they find only nodes the plugin's queries
   * would see (a tenant's own nodes). Equality only: these writes create what they do not find, with
   * the same properties.
   */
  transformKey?(context: ModelContext): Record<string, unknown>;
}

/** The model a write applies to. */
export interface ModelContext {
  readonly definition: NodeDefinition;
}

/** Conditions on the node in scope, for {@link CartographPlugin.transformNode}. */
export const nodeCondition = {
  /** `n.key IS NULL` */
  isNull(key: string): Predicate {
    return Object.freeze({ k: 'op', on: 'node', key, op: 'isNull', value: true });
  },
  /** `n.key IS NOT NULL` */
  isNotNull(key: string): Predicate {
    return Object.freeze({ k: 'op', on: 'node', key, op: 'isNull', value: false });
  },
  /** `n.key = $value` (a driver value: string, number, neo4j Integer, temporal...). */
  equals(key: string, value: unknown): Predicate {
    return Object.freeze({ k: 'op', on: 'node', key, op: 'eq', value: new Bound(value) });
  },
  /** Every condition. */
  all(...conditions: Predicate[]): Predicate {
    return conditions.length === 1 ? (conditions[0] as Predicate) : { k: 'and', items: conditions };
  },
};
