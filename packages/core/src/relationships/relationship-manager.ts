import type { Node as Neo4jNode, Relationship as Neo4jRelationship } from 'neo4j-driver';
import { NotRelatedError, NotSavedError } from '../errors';
import { Graph } from '../graph/graph';
import { resolveGraph } from '../graph/resolve-graph';
import { stateOf } from '../mapping/entity-state';
import { hydrateNode } from '../mapping/hydrate';
import { type ModelProps, type RelationshipField, relationshipField } from '../mapping/model-types';
import { sensitiveDbNames } from '../mapping/sensitive-keys';
import type { WriteOptions } from '../mapping/write-input';
import { NodeSet } from '../query/node-set';
import { hasPlugins } from '../query/plugins/hooks';
import { getCachedRelation } from '../query/relation-cache';
import type { FilterInput, RelFilter } from '../query/types';
import {
  assertCanAdd,
  assertCanChange,
  assertCanRemove,
  assertReadCardinality,
  type EndDescription,
} from '../registry/cardinality-check';
import type { AnyClass, NodeDefinition, RelationshipDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import {
  hydrateRelationship,
  prepareRelationshipProperties,
  RelationshipEntity,
  relationshipModelOf,
} from '../relationship-model/relationship-entity';
import { LockedCounts, unique } from './locked-counts';
import { connectResult, disconnectResult, type PairEnds, readOutcome } from './pair-outcome';
import { buildPairQueries, type PairCounts, type PairQueries } from './pair-queries';
import { findReverseSide } from './reverse-side';

/** Property values of a relationship model, as accepted by `connect`. */
export type RelationshipProps<R> = ModelProps<Omit<R, keyof RelationshipEntity>>;

/** Options of {@link RelationshipManager.connect}. */
export interface ConnectOptions extends WriteOptions {
  /** Create another relationship even when the pair is already connected (needs `allowParallel`-style intent). */
  parallel?: boolean;
}

interface Ends {
  readonly queries: PairQueries;
  readonly target: NodeDefinition;
  readonly reverse: ReturnType<typeof findReverseSide>;
}

/**
 * The relationships of one field of one node: `alice.friends`. Writes check the declared
 * cardinality of both ends under lock, in the same transaction as the write, so concurrent writers
 * cannot both pass a check. Reads check it too and report a graph that breaks it.
 */
export class RelationshipManager<T extends object = object, R extends RelationshipEntity = RelationshipEntity>
  implements RelationshipField<T, R>
{
  /** Type-level only (see {@link RelationshipField}): the target and relationship models. */
  declare readonly [relationshipField]: { readonly target: T; readonly relationship: R };
  #ends: Ends | undefined;

  constructor(
    private readonly owner: object,
    /** The relationship field this manager serves. */
    readonly definition: RelationshipDefinition,
  ) {}

  /**
   * Connects the owner to `node`. Already connected: returns the existing relationship, unless
   * `parallel` (or the definition's `allowParallel`) asks for another one. One statement locks both
   * nodes, checks both cardinalities under the locks and creates (or writes nothing); outside a
   * transaction it is one round trip.
   * @throws AttemptedCardinalityViolationError when either end would exceed its maximum.
   */
  async connect(node: T, properties?: RelationshipProps<R>, options: ConnectOptions = {}): Promise<R> {
    const props = prepareRelationshipProperties(this.definition.model, properties, options);
    const [a, b] = [this.#ownerId('connect'), idOf(node, 'connect to')];
    const parallel = options.parallel ?? this.definition.allowParallel ?? false;
    const model = this.definition.model ?? RelationshipEntity;
    const sensitive = sensitiveDbNames(relationshipModelOf(model).properties);
    const { queries } = this.#resolve();
    // One statement, so outside a transaction it goes as one auto-commit query; as before, a lost
    // outcome raises CommitOutcomeUnknownError rather than a blind re-run by element id.
    if (queries.merges && !parallel) {
      const [merged] = await resolveGraph().run(
        queries.merge(a, b, props, sensitive),
        'WRITE',
        (record) => record.get('r') as Neo4jRelationship,
        {},
        { autoCommit: true },
      );
      if (!merged) throw new NotSavedError(this.#ownerDefinition().name, 'connect a deleted node with');
      return hydrateRelationship<R>(this.definition.model as AnyClass | undefined, merged);
    }
    const query = queries.connect(a, b, props, parallel, sensitive);
    const [row] = await resolveGraph().run(query, 'WRITE', readOutcome, {}, { autoCommit: true });
    if (!row) throw new NotSavedError(this.#ownerDefinition().name, 'connect a deleted node with');
    return connectResult<R>(this.definition, row, parallel, () => this.#pairEnds(node));
  }

  /**
   * Removes the relationship(s) between the owner and `node`, in one statement that locks both
   * nodes and checks both cardinalities under the locks (one round trip outside a transaction).
   * @throws AttemptedCardinalityViolationError when either end would fall below its minimum.
   */
  async disconnect(node: T): Promise<void> {
    const [a, b] = [this.#ownerId('disconnect'), idOf(node, 'disconnect from')];
    const [row] = await resolveGraph().run(
      this.#resolve().queries.disconnect(a, b),
      'WRITE',
      readOutcome,
      {},
      { autoCommit: true },
    );
    if (!row)
      throw new NotSavedError(this.#ownerDefinition().name, 'change relationships of a deleted node with');
    disconnectResult(this.definition, row, () => this.#pairEnds(node));
  }

  /**
   * Removes every relationship of this field from the owner.
   * @throws AttemptedCardinalityViolationError when the owner or one of the targets would fall
   * below its minimum.
   */
  async disconnectAll(): Promise<void> {
    const a = this.#ownerId('disconnect');
    const graph = resolveGraph();
    await graph.joinOrBeginWrite(async () => {
      const { queries, reverse } = this.#resolve();
      const locked = this.#locked(graph);
      const current = await locked.ownerAndTargets(a, []);
      if (current.length === 0) return;
      const ends = await locked.ends(a, current);
      const removed = sum(ends.values(), (end) => end.pair);
      assertCanRemove(this.#ownerEnd(), this.#ownerCount(ends), removed);
      if (reverse) {
        for (const [id, end] of ends) {
          assertCanRemove(this.#targetEndById(id, reverse.definition), end.target, end.pair);
        }
      }
      await graph.run(queries.deleteAll(a), 'WRITE', () => undefined);
    });
  }

  /**
   * Moves the relationship from `oldNode` to `newNode`, keeping its properties, in one transaction.
   * Works for `One` cardinalities, where disconnect-then-connect would break the minimum.
   * @throws NotRelatedError (`NOT_RELATED`) when the owner is not related to `oldNode`.
   * @throws AttemptedCardinalityViolationError when `oldNode` would fall below, or `newNode`
   * exceed, the cardinality of the reverse side.
   */
  async reconnect(oldNode: T, newNode: T): Promise<R> {
    const a = this.#ownerId('reconnect');
    const [oldId, newId] = [idOf(oldNode, 'reconnect from'), idOf(newNode, 'reconnect to')];
    const graph = resolveGraph();
    return graph.joinOrBeginWrite(async () => {
      const { queries, reverse } = this.#resolve();
      // Lock first: whether the old relationship still exists is only known once nobody else can move it.
      const locked = this.#locked(graph);
      await locked.lock([a, oldId, newId]);
      const [existing] = await this.#relationshipsWith(graph, oldId);
      if (!existing) {
        throw new NotRelatedError(
          `${this.#ownerEnd().node} is not related to ${describeNode(this.#resolve().target, oldNode)} through ${this.definition.name}.`,
        );
      }
      if (oldId === newId) return existing;
      const ends = await locked.ends(a, [oldId, newId]);
      const [before, after] = [ends.get(oldId)!, ends.get(newId)!];
      assertCanChange(this.#ownerEnd(), before.owner, before.pair, 1);
      if (reverse) {
        assertCanRemove(this.#targetEnd(oldNode, reverse.definition), before.target, before.pair);
        assertCanAdd(this.#targetEnd(newNode, reverse.definition), after.target);
      }
      await graph.run(queries.deletePair(a, oldId), 'WRITE', () => undefined);
      // The properties come from the stored relationship: instance fields that are not properties
      // (a class field with an initialiser) are not input to refuse.
      const props = prepareRelationshipProperties(this.definition.model, existing, {
        unknownProperties: 'allow',
      });
      const [created] = await graph.run(this.#create(a, newId, props), 'WRITE', (record) =>
        hydrateRelationship<R>(this.definition.model, record.get('r') as Neo4jRelationship),
      );
      return created!;
    });
  }

  /**
   * Makes `nodes` the only targets of this field, in one transaction.
   * @throws AttemptedCardinalityViolationError when the owner would not end with an allowed number,
   * or a target (new or dropped) would break the cardinality of the reverse side.
   */
  async replace(
    nodes: T | T[],
    properties?: RelationshipProps<R>,
    options: WriteOptions = {},
  ): Promise<void> {
    const list = Array.isArray(nodes) ? nodes : [nodes];
    const { min, max } = this.definition.cardinality;
    if (list.length < min || list.length > max) {
      assertCanAdd(this.#ownerEnd(), 0, list.length);
      assertCanRemove(this.#ownerEnd(), list.length, 0);
    }
    const a = this.#ownerId('replace');
    const wanted = list.map((node) => idOf(node, 'connect to'));
    const graph = resolveGraph();
    await graph.joinOrBeginWrite(async () => {
      const { queries, reverse } = this.#resolve();
      // Without a reverse side only the owner's count matters, and its lock serialises replaces.
      const locked = this.#locked(graph);
      if (!reverse) await locked.lock([a]);
      else {
        const current = await locked.ownerAndTargets(a, wanted);
        const ends = await locked.ends(a, unique([...current, ...wanted]));
        const nodeById = new Map(wanted.map((id, i) => [id, list[i]!]));
        for (const [id, end] of ends) {
          const added = wanted.filter((w) => w === id).length;
          const node = nodeById.get(id);
          const description = node
            ? this.#targetEnd(node, reverse.definition)
            : this.#targetEndById(id, reverse.definition);
          assertCanChange(description, end.target, end.pair, added);
        }
      }
      await graph.run(queries.deleteAll(a), 'WRITE', () => undefined);
      const props = prepareRelationshipProperties(this.definition.model, properties, options);
      for (const b of wanted) {
        await graph.run(this.#create(a, b, props), 'WRITE', () => undefined);
      }
    });
  }

  /** Whether the owner is connected to `node` through this field. */
  async isConnected(node: T): Promise<boolean> {
    return (await this.#relationshipsWith(resolveGraph(), idOf(node, 'check'))).length > 0;
  }

  /** The relationship to `node` (a relationship-model instance), or undefined. */
  async relationship(node: T): Promise<R | undefined> {
    return (await this.#relationshipsWith(resolveGraph(), idOf(node, 'read'))).at(0);
  }

  /** Every relationship to `node` (more than one only with parallel relationships). */
  relationships(node: T): Promise<R[]> {
    return this.#relationshipsWith(resolveGraph(), idOf(node, 'read'));
  }

  /**
   * Every connected node.
   * @throws CardinalityViolationError when the graph has fewer or more than the cardinality allows.
   */
  async all(): Promise<T[]> {
    const { queries, target } = this.#resolve();
    // Plugins change the queries of the model (soft delete, tenants): read through the query plan.
    const nodes = hasPlugins(target)
      ? await this.#related().all()
      : await resolveGraph().run(queries.list(this.#ownerId('read')), 'READ', (record) =>
          hydrateNode<T>(target, record.get('b') as Neo4jNode),
        );
    assertReadCardinality(this.#ownerEnd(), nodes.length);
    return nodes;
  }

  /** The one connected node (for ZeroOrOne / One fields), or undefined. */
  async single(): Promise<T | undefined> {
    return (await this.all()).at(0);
  }

  /** How many relationships of this field the owner has. */
  async count(): Promise<number> {
    if (hasPlugins(this.#resolve().target)) return this.#related().count();
    const [count] = await resolveGraph().run(
      this.#resolve().queries.count(this.#ownerId('read')),
      'READ',
      (record) => Number(record.get('count')),
    );
    return count ?? 0;
  }

  /** The connected nodes as a query, filtered on the relationship's properties. */
  match(filters: RelFilter<R>): NodeSet<T, R> {
    return this.#related().match(filters);
  }

  /** The connected nodes as a query, filtered on their own properties. */
  filter(...filters: FilterInput<T>[]): NodeSet<T, R> {
    return this.#related().filter(...filters);
  }

  /** Targets loaded by `fetchRelations(...)`; undefined when they were not fetched. */
  get cached(): T[] | undefined {
    return getCachedRelation(this.owner, this.definition.name) as T[] | undefined;
  }

  #related(): NodeSet<T, R> {
    return NodeSet.related<T, R>(
      this.definition.target() as never,
      { definition: this.#ownerDefinition(), elementId: this.#ownerId('query') },
      this.definition,
    );
  }

  #locked(graph: Graph): LockedCounts {
    return new LockedCounts(graph, this.#resolve().queries, this.#ownerDefinition().name);
  }

  #ownerCount(ends: Map<string, PairCounts>): number {
    return ends.values().next().value?.owner ?? 0;
  }

  /** The CREATE of one relationship, naming the model's sensitive properties so logs and errors mask them. */
  #create(a: string, b: string, props: Record<string, unknown>) {
    const model = this.definition.model ?? RelationshipEntity;
    return this.#resolve().queries.create(
      a,
      b,
      props,
      sensitiveDbNames(relationshipModelOf(model).properties),
    );
  }

  #relationshipsWith(graph: Graph, b: string): Promise<R[]> {
    return graph.run(this.#resolve().queries.listWith(this.#ownerId('read'), b), 'READ', (record) =>
      hydrateRelationship<R>(this.definition.model, record.get('r') as Neo4jRelationship),
    );
  }

  #resolve(): Ends {
    if (!this.#ends) {
      const owner = this.#ownerDefinition();
      const target = registry.node(this.definition.target());
      const reverse = findReverseSide(owner, this.definition, target);
      this.#ends = {
        queries: buildPairQueries(this.definition, target.primaryLabel, reverse, owner.name),
        target,
        reverse,
      };
    }
    return this.#ends;
  }

  #ownerDefinition(): NodeDefinition {
    return registry.node(this.owner.constructor as never);
  }

  #ownerId(operation: string): string {
    return idOf(this.owner, operation);
  }

  /** Both ends of the pair with `node`, as cardinality messages name them. */
  #pairEnds(node: T): PairEnds {
    const reverse = this.#resolve().reverse;
    return {
      owner: this.#ownerEnd(),
      target: reverse ? this.#targetEnd(node, reverse.definition) : undefined,
    };
  }

  #ownerEnd(): EndDescription {
    const definition = this.#ownerDefinition();
    return {
      model: definition.name,
      definition: this.definition,
      node: describeNode(definition, this.owner),
    };
  }

  #targetEnd(node: object, reverse: RelationshipDefinition): EndDescription {
    const definition = this.#resolve().target;
    return { model: definition.name, definition: reverse, node: describeNode(definition, node) };
  }

  #targetEndById(elementId: string, reverse: RelationshipDefinition): EndDescription {
    const definition = this.#resolve().target;
    return { model: definition.name, definition: reverse, node: `${definition.name} ${elementId}` };
  }
}

function sum<T>(items: Iterable<T>, value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

function idOf(node: object, operation: string): string {
  const id = stateOf(node).elementId;
  if (id === undefined) throw new NotSavedError(node.constructor.name, operation);
  return id;
}

function describeNode(definition: NodeDefinition, node: object): string {
  const identity = definition.identity ?? [...definition.properties.values()].find((p) => p.unique);
  const value = identity ? (node as Record<string, unknown>)[identity.name] : undefined;
  return value === undefined
    ? `${definition.name} ${stateOf(node).elementId}`
    : `${definition.name} ${identity!.name}=${String(value)}`;
}
