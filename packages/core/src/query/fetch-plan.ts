import {
  collectSubquery,
  type Expr,
  map,
  match,
  node,
  pattern,
  query,
  rel,
  returnClause,
  type Variable,
  variable,
} from '@cartograph/cypher';
import type { Node as Neo4jNode } from 'neo4j-driver';
import { InvalidFilterError, UnknownPropertyError } from '../errors/filter-errors';
import { stateOf } from '../mapping/entity-state';
import { assertReadCardinality } from '../registry/cardinality-check';
import type { NodeDefinition, RelationshipDefinition } from '../registry/definitions';
import type { Names } from './names';
import type { ParamSlots } from './param-slots';
import { hopOf } from './paths';
import type { Hop, Predicate } from './plan';
import { withGuard } from './predicates';
import { setCachedRelation } from './relation-cache';

/** Wraps a `fetchRelations` path so that nodes without the relation are kept (neomodel's `Optional`). */
export class OptionalPath<P extends string = string> {
  constructor(readonly path: P) {
    Object.freeze(this);
  }
}

/** `fetchRelations(optional('friends.employer'))`: load the path where it exists, keep every node. */
export function optional<P extends string>(path: P): OptionalPath<P> {
  return new OptionalPath(path);
}

/** One relation to load, with the relations to load on its targets. */
export interface FetchNode {
  readonly field: string;
  readonly hop: Hop;
  readonly target: NodeDefinition;
  /** The model declaring the relation, and its declaration (for the cardinality check). */
  readonly owner: NodeDefinition;
  readonly relationship: RelationshipDefinition;
  readonly children: readonly FetchNode[];
}

/** Everything `fetchRelations` asked for on a set. */
export interface FetchPlan {
  readonly paths: readonly { readonly path: string; readonly optional: boolean }[];
  readonly roots: readonly FetchNode[];
  /**
   * For paths that are not optional: the node must have the whole path. Paths starting with a
   * relation whose cardinality requires one (One, OneOrMore) are not filtered: a node lacking it
   * breaks the model and is reported (CardinalityViolationError), never silently left out.
   */
  readonly required: readonly Predicate[];
}

interface MutableFetchNode extends Omit<FetchNode, 'children'> {
  children: MutableFetchNode[];
}

/** Merges new paths into a plan; paths sharing a prefix share one subquery. */
export function buildFetchPlan(
  definition: NodeDefinition,
  previous: FetchPlan | undefined,
  inputs: readonly unknown[],
): FetchPlan {
  const paths = [...(previous?.paths ?? [])];
  for (const input of inputs) {
    if (input instanceof OptionalPath) paths.push({ path: input.path, optional: true });
    else if (typeof input === 'string') paths.push({ path: input, optional: false });
    else
      throw new InvalidFilterError(
        `fetchRelations() takes relationship paths such as 'friends.employer' or optional('...').`,
      );
  }
  const roots: MutableFetchNode[] = [];
  const required: Predicate[] = [];
  for (const { path, optional: isOptional } of paths) {
    let level = roots;
    let model = definition;
    const hops: Hop[] = [];
    let mandatoryFirst = false;
    for (const field of path.split('.')) {
      const relationship = model.relationships.get(field);
      if (!relationship)
        throw new UnknownPropertyError(model.name, field, [...model.relationships.keys()], 'relationship');
      const { hop, target } = hopOf(relationship);
      if (hops.length === 0) mandatoryFirst = relationship.cardinality.min > 0;
      let entry = level.find((candidate) => candidate.field === field);
      if (!entry) {
        entry = { field, hop, target, owner: model, relationship, children: [] };
        level.push(entry);
      }
      hops.push(hop);
      level = entry.children;
      model = target;
    }
    if (!isOptional && !mandatoryFirst) required.push(existsChain(hops));
  }
  return Object.freeze({ paths: Object.freeze(paths), roots, required: Object.freeze(required) });
}

function existsChain(hops: readonly Hop[]): Predicate {
  let where: Predicate | undefined;
  for (let i = hops.length - 1; i >= 0; i--) where = { k: 'exists', hop: hops[i] as Hop, where };
  return where as Predicate;
}

/**
 * One COLLECT subquery per relation; nested relations become nested COLLECTs inside a map
 * `{n: target, c0: [...], ...}`, so the whole tree comes back in the same row: one round trip.
 */
export function compileFetch(fetch: FetchNode, from: Variable, names: Names, slots: ParamSlots): Expr {
  const target = variable(names.next('f'));
  const path = match(
    pattern(node(from), [
      rel({ types: [fetch.hop.type], direction: fetch.hop.direction }),
      node(target, fetch.hop.labels),
    ]),
    { where: withGuard(fetch.hop, target, undefined, { names, slots }) },
  );
  const projected =
    fetch.children.length === 0
      ? target
      : map([
          ['n', target],
          ...fetch.children.map((child, i) => [`c${i}`, compileFetch(child, target, names, slots)] as const),
        ]);
  return collectSubquery(query(path, returnClause([projected])));
}

/** Builds model instances from driver nodes, reusing one instance per node within a result. */
export type Hydrator = (definition: NodeDefinition, node: Neo4jNode) => object;

/**
 * Stores the loaded relations of `instance` where `RelationshipManager#cached` finds them, after
 * checking their number against the declared cardinality, as `RelationshipManager#all` does.
 * @throws CardinalityViolationError (two targets of a ZeroOrOne, none of a One...)
 */
export function storeFetched(instance: object, fetch: FetchNode, loaded: unknown, hydrate: Hydrator): void {
  const items = loaded as readonly unknown[];
  const { owner, relationship } = fetch;
  if (items.length < relationship.cardinality.min || items.length > relationship.cardinality.max) {
    const node = `${owner.name} ${stateOf(instance).elementId}`;
    assertReadCardinality({ model: owner.name, definition: relationship, node }, items.length);
  }
  setCachedRelation(instance, fetch.field, hydrateLoaded(fetch, items, hydrate));
}

function hydrateLoaded(fetch: FetchNode, loaded: readonly unknown[], hydrate: Hydrator): object[] {
  const result = new Array<object>(loaded.length);
  if (fetch.children.length === 0) {
    for (let i = 0; i < loaded.length; i++) result[i] = hydrate(fetch.target, loaded[i] as Neo4jNode);
    return result;
  }
  for (let i = 0; i < loaded.length; i++) {
    const entry = loaded[i] as Record<string, unknown>;
    const instance = hydrate(fetch.target, entry.n as Neo4jNode);
    for (let c = 0; c < fetch.children.length; c++) {
      storeFetched(instance, fetch.children[c] as FetchNode, entry[`c${c}`], hydrate);
    }
    result[i] = instance;
  }
  return result;
}
