import type { Record as Neo4jRecord, Relationship as Neo4jRelationship } from 'neo4j-driver';
import { DoesNotExistError, MultipleNodesReturnedError } from '../errors';
import { InvalidFilterError, UnknownPropertyError } from '../errors/filter-errors';
import type { CompiledQuery } from '../executor/types';
import { resolveGraph } from '../graph/resolve-graph';
import { hydrateRelationship } from '../relationship-model/relationship-entity';
import { integerBound } from './bound';
import { compileCount, compileExists, compileNodes, type NodeLayout } from './compile';
import { compileRelationships, compileValues } from './compile-projections';
import { tolerant, withoutSkipped } from './lenient-rows';
import { GET_LIMIT } from './point-lookup';
import { redactFilter } from './redact-filter';
import { annotationValue, nodeMapper, resultHydrator } from './results';
import type { ResolvedField } from './scopes';
import { stageScope } from './stage-scope';
import { lastStage, type NodeSetState, withLastStage } from './state';

/** Runs the node query of `state`, joining the active transaction when there is one. */
export async function all<T>(state: NodeSetState): Promise<T[]> {
  const { compiled, layout } = compileNodes(state);
  const map = tolerant(nodeMapper<T>(lastStage(state).definition, layout), state.lenient);
  return withoutSkipped(await resolveGraph(state.call).run(compiled, 'READ', map, state.call));
}

/** The relationships of the final hop, as instances of the hop's relationship model. */
export async function relationships<R>(state: NodeSetState): Promise<R[]> {
  const { via, length } = lastStage(state);
  if (!via)
    throw new InvalidFilterError(
      'relationships() needs a set reached through a relationship (traverse() or a relationship field).',
    );
  if (length)
    throw new InvalidFilterError(
      'relationships() returns the relationship of one hop; a variable-length traversal follows several.',
    );
  return resolveGraph(state.call).run(
    compileRelationships(state),
    'READ',
    (record) => hydrateRelationship(via.model, record.get(0) as Neo4jRelationship) as R,
    state.call,
  );
}

/** The first node (keeping the set's order), or null / DoesNotExistError. */
export async function first<T>(state: NodeSetState, required: boolean): Promise<T | null> {
  const [node] = await all<T>(limited(state, 1));
  if (node !== undefined) return node;
  if (required) throw new DoesNotExistError(lastStage(state).definition.name, describeState(state));
  return null;
}

/** The only node; two rows are fetched so that a second match can be reported. */
export async function get<T>(state: NodeSetState, filters: unknown, required: boolean): Promise<T | null> {
  return only(await all<T>(limited(state, GET_LIMIT)), state, filters, required);
}

/**
 * `get()` by a point lookup's query (see `pointLookup`): `state` is the whole set the filters
 * apply to, so no filtered set is built.
 */
export async function lookup<T>(
  state: NodeSetState,
  query: CompiledQuery,
  filters: unknown,
  required: boolean,
): Promise<T | null> {
  const map = nodeMapper<T>(lastStage(state).definition, PLAIN_LAYOUT);
  return only(await resolveGraph(state.call).run(query, 'READ', map, state.call), state, filters, required);
}

const PLAIN_LAYOUT: NodeLayout = { annotations: [], fetch: [], sortColumns: 0 };

function only<T>(nodes: T[], state: NodeSetState, filters: unknown, required: boolean): T | null {
  if (nodes.length === 1) return nodes[0] as T;
  const model = lastStage(state).definition.name;
  if (nodes.length > 1) throw new MultipleNodesReturnedError(model, shownFilter(state, filters));
  if (required) throw new DoesNotExistError(model, shownFilter(state, filters));
  return null;
}

/** The filter of a failed `get()` for its message, which reaches logs: sensitive values masked. */
function shownFilter(state: NodeSetState, filters: unknown): unknown {
  return redactFilter(stageScope(lastStage(state)), filters ?? {});
}

export async function count(state: NodeSetState): Promise<number> {
  const [value] = await resolveGraph(state.call).run(
    compileCount(state),
    'READ',
    (record) => Number(record.get(0)),
    state.call,
  );
  return value ?? 0;
}

export async function exists(state: NodeSetState): Promise<boolean> {
  const rows = await resolveGraph(state.call).run(compileExists(state), 'READ', () => true, state.call);
  return rows.length > 0;
}

/** Plain objects with the given fields; values are inflated through their property types. */
export async function values<T, K extends string>(
  state: NodeSetState,
  names: readonly K[],
): Promise<Pick<T, K & keyof T>[]> {
  const stage = lastStage(state);
  const scope = stageScope(stage);
  const fields: ResolvedField[] = names.map((name) => {
    const field = scope.field(name);
    if (!field) throw new UnknownPropertyError(scope.model, name, scope.knownKeys(), 'field');
    return field;
  });
  const hydrate = resultHydrator();
  const read = (record: Neo4jRecord) => {
    const row: Record<string, unknown> = {};
    fields.forEach((field, i) => {
      const raw = record.get(i);
      if (field.on === 'ann') {
        const plan = stage.annotations.find((a) => a.name === field.key);
        if (plan) row[names[i] as string] = annotationValue(plan, raw, hydrate);
      } else if (raw !== null && raw !== undefined) {
        row[names[i] as string] = field.ref.type.inflate(raw, {
          model: field.ref.model,
          field: field.ref.name,
        });
      }
    });
    return row as Pick<T, K & keyof T>;
  };
  return resolveGraph(state.call).run(compileValues(state, fields), 'READ', read, state.call);
}

/** The set with its limit lowered to at most `count`. */
export function limited(state: NodeSetState, count: number): NodeSetState {
  return withLastStage(state, (stage) => ({
    limit:
      stage.limit !== undefined && stage.limit.value <= BigInt(count) ? stage.limit : integerBound(count),
  }));
}

// The query text (never its parameters, which may hold secrets) tells the user what was asked.
function describeState(state: NodeSetState): unknown {
  return { query: compileNodes(state).compiled.cypher };
}
