import type { Node as Neo4jNode, Record as Neo4jRecord } from 'neo4j-driver';
import { DoesNotExistError, NotSavedError, ValidationError } from '../errors';
import type { CallOptions } from '../executor/deadline';
import { resolveGraph } from '../graph/resolve-graph';
import { stateOf } from '../mapping/entity-state';
import { assignProperties, hydrateNode, instantiate } from '../mapping/hydrate';
import type { ModelClass, ModelProps, NodeEntityMembers } from '../mapping/model-types';
import { assignInput, type WriteOptions } from '../mapping/write-input';
import { NodeSet } from '../query/node-set';
import { deleteReplacement } from '../query/plugins/hooks';
import type { RelationKeys, RelationModel, RelationTarget } from '../query/types';
import { registry } from '../registry/schema-registry';
import {
  type RelateManyOptions,
  type RelateManySummary,
  relateMany,
  type UnrelateManyOptions,
  type UnrelateManySummary,
  unrelateMany,
} from '../relationships/bulk-relate';
import { relate } from '../relationships/relate-by-key';
import type { ConnectOptions, RelationshipProps } from '../relationships/relationship-manager';
import {
  type BatchOptions,
  createMany,
  createOrUpdate,
  getOrCreate,
  type KeyedBatchOptions,
  mergeMany,
} from './batch-writes';
import { createKey, findByKey } from './create-key';
import { type ImportOptions, type ImportSummary, importMany } from './import-many';
import { runHook } from './lifecycle-hooks';
import { nodeQueries } from './node-queries';
import type { NodeKey, RelatePair, UnrelatePair } from './relate-types';
import { saveMany } from './save-many';
import { finishSave, planSave } from './save-plan';

/** Field values accepted when creating a model. */
export type CreateProps<T> = ModelProps<Omit<T, keyof NodeEntity>>;

/**
 * Base class of node models. Decorate subclasses with `@Node()`. Instances are plain objects with
 * their properties as fields; Cartograph keeps their element id and last stored values aside.
 */
export abstract class NodeEntity implements NodeEntityMembers {
  /**
   * Queries over this model (`Person.nodes.filter(...)`). For precise types in your own class,
   * declare `declare static readonly nodes: NodeSet<Person>;` or use `Person.query()`.
   */
  declare static readonly nodes: NodeSet<NodeEntity>;

  /** The node's element id once saved; `undefined` before. */
  get elementId(): string | undefined {
    return stateOf(this).elementId;
  }

  /** Whether this instance has been written to (or read from) the graph. */
  get isSaved(): boolean {
    return stateOf(this).elementId !== undefined;
  }

  /** A typed query over this model: `Person.query().filter({ age: { gte: 18 } })`. */
  static query<T extends NodeEntity>(this: ModelClass<T>): NodeSet<T> {
    return NodeSet.of(this);
  }

  /**
   * Creates, validates and saves one node. Input is copied by its own keys only.
   * @throws ForbiddenPropertyNameError for `__proto__` / `constructor` / `prototype` keys;
   * UnknownPropertyError for undeclared keys (unless `unknownProperties: 'allow'`); ValidationError.
   */
  static async create<T extends NodeEntity>(
    this: ModelClass<T>,
    props: CreateProps<T>,
    options?: WriteOptions,
  ): Promise<T> {
    const entity = instantiate(this) as T;
    assignInput(registry.node(this), entity, props, options);
    return entity.save();
  }

  /** Creates many nodes in one round trip per batch (UNWIND), in one transaction. */
  static createMany<T extends NodeEntity>(
    this: ModelClass<T>,
    rows: CreateProps<T>[],
    options?: BatchOptions,
  ): Promise<T[]> {
    return createMany(this, rows, options);
  }

  /**
   * Imports rows of any size: reads `rows` (an array, an iterable or an async iterable, e.g. a file
   * stream) batch by batch, validates each batch, and commits each batch on its own (all-or-nothing
   * per batch). Rows whose key (default: the unique fields the rows give) is already stored are
   * skipped, so running the same import again after a failure finishes it without duplicates.
   * Returns counts, never instances, so memory stays flat. `postCreate` / `postSave` are not run.
   * @throws ImportFailedError naming the failed batch and what earlier batches committed; its
   * `cause` is the error (a ValidationError names the row)
   */
  static importMany<T extends NodeEntity>(
    this: ModelClass<T>,
    rows: Iterable<CreateProps<T>> | AsyncIterable<CreateProps<T>>,
    options?: ImportOptions<T>,
  ): Promise<ImportSummary> {
    return importMany(this, rows, options);
  }

  /** For each row, finds the node with the same key (default: its unique fields) or creates it; existing nodes are not changed. */
  static getOrCreate<T extends NodeEntity>(
    this: ModelClass<T>,
    rows: CreateProps<T>[],
    options?: KeyedBatchOptions<T>,
  ): Promise<T[]> {
    return getOrCreate(this, rows, options);
  }

  /** For each row, updates the node with the same key (default: its unique fields) or creates it. */
  static createOrUpdate<T extends NodeEntity>(
    this: ModelClass<T>,
    rows: CreateProps<T>[],
    options?: KeyedBatchOptions<T>,
  ): Promise<T[]> {
    return createOrUpdate(this, rows, options);
  }

  /** Cypher `MERGE` on every given property of each row: matches an identical node or creates one. */
  static merge<T extends NodeEntity>(
    this: ModelClass<T>,
    rows: CreateProps<T>[],
    options?: BatchOptions,
  ): Promise<T[]> {
    return mergeMany(this, rows, options);
  }

  /**
   * Connects two nodes named by key, without loading them: `Person.relate({ email: a }, 'friends',
   * { email: b }, { since })`. One statement, as `connect` (one round trip outside a transaction):
   * it finds both nodes by key (only nodes a query would find: not soft-deleted, the current
   * tenant's), locks them, checks both ends' cardinality under the locks and creates; an already
   * related pair returns its relationship unless `parallel` (or `allowParallel`).
   * @throws InvalidKeyError (a key that names no unique property), NodesNotFoundError,
   * AttemptedCardinalityViolationError, ValidationError; nothing is written
   */
  static relate<T extends NodeEntity, K extends RelationKeys<T>>(
    this: ModelClass<T>,
    from: NodeKey<T>,
    field: K,
    to: NodeKey<RelationTarget<T, K>>,
    properties?: RelationshipProps<RelationModel<T, K>>,
    options?: ConnectOptions,
  ): Promise<RelationModel<T, K>> {
    return relate(this, from, field, to, properties, options) as Promise<RelationModel<T, K>>;
  }

  /**
   * Creates many relationships between nodes named by key: one `UNWIND` statement per batch, all
   * batches in one transaction. Every pair is validated, both ends' cardinality is checked for the
   * whole batch under lock, and any error writes nothing.
   * @throws as {@link NodeEntity.relate}; a cardinality error lists the offending `pairs`
   */
  static relateMany<T extends NodeEntity, K extends RelationKeys<T>>(
    this: ModelClass<T>,
    field: K,
    pairs: Iterable<RelatePair<T, K>>,
    options?: RelateManyOptions,
  ): Promise<RelateManySummary> {
    return relateMany(this, field, pairs, options);
  }

  /** Deletes the relationships of `field` between pairs of nodes named by key; minimums checked as in `relateMany`. */
  static unrelateMany<T extends NodeEntity, K extends RelationKeys<T>>(
    this: ModelClass<T>,
    field: K,
    pairs: Iterable<UnrelatePair<T, K>>,
    options?: UnrelateManyOptions,
  ): Promise<UnrelateManySummary> {
    return unrelateMany(this, field, pairs, options);
  }

  /**
   * Saves many instances as `save()` would, in one transaction: new ones are created and changed
   * ones get only their changed properties, one UNWIND statement per batch (and per kind of write);
   * unchanged ones are skipped. Every instance runs `preSave` and is validated before anything is
   * written; `postCreate` / `postSave` run once the transaction committed.
   * @throws ValidationError naming every invalid instance by its position (`[3].email`), before
   * any write; DoesNotExistError when a changed instance's node was deleted (nothing is written).
   */
  static saveMany<T extends NodeEntity>(
    this: ModelClass<T>,
    instances: readonly T[],
    options?: Pick<BatchOptions, 'batchSize'>,
  ): Promise<T[]> {
    return saveMany(this, instances, options);
  }

  /** Builds an instance from a driver node (for results of your own Cypher). */
  static inflate<T extends NodeEntity>(this: ModelClass<T>, node: Neo4jNode): T {
    return hydrateNode<T>(registry.node(this), node);
  }

  /**
   * Inserts the node, or writes the properties that changed since it was loaded or last saved.
   * Runs `preSave`, validation, the write, then `postCreate` (first save) and `postSave`.
   * @throws ValidationError before writing anything; UniquePropertyError from unique constraints.
   */
  async save(): Promise<this> {
    const definition = registry.node(this.constructor as ModelClass<this>);
    const planned = await planSave(definition, this);
    if ('errors' in planned) throw new ValidationError(definition.name, planned.errors);
    const { plan } = planned;
    const state = stateOf(this);
    const queries = nodeQueries(definition);
    const graph = resolveGraph();
    let createdId: string | undefined;
    if (plan.creating) {
      const key = createKey(definition, plan.stored);
      const readId = (record: Neo4jRecord) => record.get('id') as string;
      // With a key of its own, a create whose COMMIT answer was lost checks whether it applied
      // instead of writing twice; without one, the caller gets CommitOutcomeUnknownError.
      const recovery = key
        ? {
            applied: async (bounds: CallOptions) => {
              const found = await graph.run(findByKey(definition, key), 'READ', readId, bounds);
              return found.length > 0 ? { result: found } : undefined;
            },
          }
        : undefined;
      [createdId] = await graph.run(queries.create(plan.stored), 'WRITE', readId, {}, recovery);
    } else if (Object.keys(plan.changes).length > 0) {
      // One statement: outside a transaction it goes as one auto-commit query (one round trip); a
      // lost outcome raises CommitOutcomeUnknownError, never a blind re-run by element id.
      const updated = await graph.run(
        queries.update(state.elementId!, plan.changes),
        'WRITE',
        (record) => record.get('id'),
        {},
        { autoCommit: true },
      );
      if (updated.length === 0) throw new DoesNotExistError(definition.name, { elementId: state.elementId });
    }
    await finishSave(plan, createdId);
    return this;
  }

  /**
   * Deletes the node and its relationships (`DETACH DELETE`), running `preDelete` / `postDelete`.
   * A plugin may replace the delete (soft delete marks the node instead); `{ hard: true }` always
   * deletes.
   */
  async delete(options: { hard?: boolean } = {}): Promise<void> {
    const definition = registry.node(this.constructor as ModelClass<this>);
    const state = stateOf(this);
    if (state.elementId === undefined) throw new NotSavedError(definition.name, 'delete');
    await runHook(this, 'preDelete');
    const replacement = options.hard ? undefined : deleteReplacement(definition, state.elementId, this);
    const query = replacement ?? nodeQueries(definition).delete(state.elementId);
    await resolveGraph().run(query, 'WRITE', () => undefined);
    // A plugin's replacement (soft delete) keeps the node: the instance stays bound to it, so a
    // later `delete({ hard: true })` or `hardDelete(instance)` removes it for good.
    if (!replacement) {
      state.elementId = undefined;
      state.snapshot = {};
    }
    await runHook(this, 'postDelete');
  }

  /** Reloads every property from the graph, discarding unsaved changes. */
  async refresh(): Promise<this> {
    const definition = registry.node(this.constructor as ModelClass<this>);
    const state = stateOf(this);
    if (state.elementId === undefined) throw new NotSavedError(definition.name, 'refresh');
    const [node] = await resolveGraph().run(
      nodeQueries(definition).load(state.elementId),
      'READ',
      (r) => r.get('n') as Neo4jNode,
    );
    if (!node) throw new DoesNotExistError(definition.name, { elementId: state.elementId });
    assignProperties(definition.name, definition.properties, this, node.properties, {
      labels: node.labels,
      elementId: node.elementId,
    });
    state.snapshot = node.properties;
    return this;
  }

  /** The properties and element id as a plain object (what `JSON.stringify` prints). */
  toJSON(): Record<string, unknown> {
    const definition = registry.node(this.constructor as ModelClass<this>);
    const json: Record<string, unknown> = { elementId: this.elementId };
    for (const property of definition.properties.values()) {
      json[property.name] = (this as unknown as Record<string, unknown>)[property.name];
    }
    return json;
  }
}

Object.defineProperty(NodeEntity, 'nodes', {
  get(this: ModelClass<NodeEntity>) {
    return NodeSet.of(this);
  },
  configurable: true,
});

/** Fails to compile when NodeEntity gains an instance member that NodeEntityMembers does not list. */
type AllMembersListed<Unlisted extends never> = Unlisted;
export type NodeEntityMembersChecked = AllMembersListed<Exclude<keyof NodeEntity, keyof NodeEntityMembers>>;
