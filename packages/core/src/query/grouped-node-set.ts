import type { Record as Neo4jRecord } from 'neo4j-driver';
import { UnknownPropertyError } from '../errors/filter-errors';
import { resolveGraph } from '../graph/resolve-graph';
import type { Aggregated, Aggregation, CheckedAggregates } from './aggregations';
import { compileAggregate } from './compile-projections';
import { annotationValue, resultHydrator } from './results';
import type { ResolvedField } from './scopes';
import { normalizeSetAggregate, type SetAggregatePlan } from './set-aggregates';
import { stageScope } from './stage-scope';
import { lastStage, type NodeSetState } from './state';
import { inflateAggregate } from './value-types';

/**
 * A node set grouped by some of its fields (`Person.nodes.groupBy('city')`); `aggregate` returns one
 * row per distinct combination of the grouping fields, like SQL's GROUP BY.
 */
export class GroupedNodeSet<T, K extends string> {
  readonly #state: NodeSetState;
  readonly #keys: readonly K[];

  constructor(state: NodeSetState, keys: readonly K[]) {
    this.#state = state;
    this.#keys = Object.freeze([...keys]);
  }

  /** One row per group with the grouping fields and the aggregates. */
  async aggregate<A extends Record<string, Aggregation>>(
    aggregates: A & CheckedAggregates<T, A>,
  ): Promise<Array<Pick<T, K & keyof T> & Aggregated<T, A>>> {
    const stage = lastStage(this.#state);
    const scope = stageScope(stage);
    const keys: ResolvedField[] = this.#keys.map((name) => {
      const field = scope.field(name);
      if (!field) throw new UnknownPropertyError(scope.model, name, scope.knownKeys(), 'field');
      return field;
    });
    const plans: SetAggregatePlan[] = Object.entries(aggregates).map(([name, aggregation]) =>
      normalizeSetAggregate(scope, name, aggregation),
    );
    const hydrate = resultHydrator();
    const read = (record: Neo4jRecord) => {
      const row: Record<string, unknown> = {};
      keys.forEach((field, i) => {
        const raw = record.get(i);
        const name = this.#keys[i] as string;
        const plan = field.on === 'ann' ? stage.annotations.find((a) => a.name === field.key) : undefined;
        if (plan) row[name] = annotationValue(plan, raw, hydrate);
        else
          row[name] =
            raw === null
              ? null
              : field.ref.type.inflate(raw, { model: field.ref.model, field: field.ref.name });
      });
      plans.forEach((plan, i) => {
        const context = { model: scope.model, field: plan.name };
        row[plan.name] = inflateAggregate(plan.kind, plan.valueType, record.get(keys.length + i), context);
      });
      return row as Pick<T, K & keyof T> & Aggregated<T, A>;
    };
    return resolveGraph(this.#state.call).run(
      compileAggregate(this.#state, keys, plans),
      'READ',
      read,
      this.#state.call,
    );
  }
}
