import {
  eq,
  fn,
  match,
  node,
  param,
  prop,
  query,
  render,
  returnClause,
  set,
  setMerge,
  unwind,
  variable,
} from '@cartograph/cypher';
import { BatchMismatchError, DoesNotExistError, type FieldError, ValidationError } from '../errors';
import type { LostCommitRecovery } from '../executor/lost-commit-recovery';
import type { Graph } from '../graph/graph';
import { resolveGraph } from '../graph/resolve-graph';
import { checkedBatchSize } from '../mapping/batch-size';
import { stateOf } from '../mapping/entity-state';
import type { ModelClass } from '../mapping/model-types';
import { sensitiveDbNames } from '../mapping/sensitive-keys';
import type { NodeDefinition } from '../registry/definitions';
import { registry } from '../registry/schema-registry';
import { createManyText } from './batch-queries';
import { createdBatchCheck } from './created-batch-check';
import { finishSave, planSave, type SavePlan } from './save-plan';

const n = variable('n');
const row = variable('row');
const updateTexts = new WeakMap<NodeDefinition, string>();

/** `SET n += row.changes` on each row's node (by element id); the ids of the nodes found, as one list. */
function updateManyText(definition: NodeDefinition): string {
  let text = updateTexts.get(definition);
  if (text === undefined) {
    text = render(
      query(
        unwind(param(undefined, 'rows'), row),
        match(node(n, definition.labels), { where: eq(fn('elementId', [n]), prop(row, 'id')) }),
        set([setMerge(n, prop(row, 'changes'))]),
        returnClause([{ expr: fn('collect', [fn('elementId', [n])]), alias: 'ids' }]),
      ),
    ).cypher;
    updateTexts.set(definition, text);
  }
  return text;
}

/**
 * See `NodeEntity.saveMany`. Plans every instance first (preSave, validation: one ValidationError
 * names them all), then writes in one transaction: per batch, one UNWIND creating the new
 * instances and one setting the changed properties of the others. Only changed properties are sent,
 * so a concurrent writer's change to another property of the same node survives.
 */
export async function saveMany<T extends object>(
  model: ModelClass<T>,
  instances: readonly T[],
  options: { batchSize?: number } = {},
): Promise<T[]> {
  const definition = registry.node(model);
  const batchSize = checkedBatchSize(options.batchSize);
  const errors: FieldError[] = [];
  const plans: SavePlan<T>[] = [];
  for (const [index, entity] of instances.entries()) {
    if (!(entity instanceof model)) {
      errors.push({
        field: `[${index}]`,
        message: `is not a ${definition.name} instance`,
        constraint: 'type',
      });
      continue;
    }
    const planned = await planSave(definition, entity);
    if ('errors' in planned) {
      for (const error of planned.errors) errors.push({ ...error, field: `[${index}].${error.field}` });
    } else if (errors.length === 0) plans.push(planned.plan);
  }
  if (errors.length > 0) throw new ValidationError(definition.name, errors);
  const creates = plans.filter((plan) => plan.creating);
  const updates = plans.filter((plan) => !plan.creating && Object.keys(plan.changes).length > 0);
  const graph = resolveGraph();
  const createdIds = new Map<object, string>();
  if (creates.length > 0 || updates.length > 0) {
    await graph.joinOrBeginWrite(
      async () => {
        createdIds.clear();
        for (let offset = 0; offset < Math.max(creates.length, updates.length); offset += batchSize) {
          await createBatch(graph, definition, creates.slice(offset, offset + batchSize), createdIds);
          await updateBatch(graph, definition, updates.slice(offset, offset + batchSize));
        }
      },
      recoveryFor(graph, definition, creates, createdIds),
    );
  }
  for (const plan of plans) await finishSave(plan, createdIds.get(plan.entity));
  return [...instances];
}

async function createBatch(
  graph: Graph,
  definition: NodeDefinition,
  batch: readonly SavePlan[],
  createdIds: Map<object, string>,
): Promise<void> {
  if (batch.length === 0) return;
  const query = {
    cypher: createManyText(definition),
    params: { rows: batch.map((plan) => plan.stored) },
    sensitive: sensitiveDbNames(definition.properties),
    model: definition.name,
  };
  const [ids] = await graph.run(query, 'WRITE', (record) => record.get('ids') as string[]);
  if (!ids || ids.length !== batch.length) throw new BatchMismatchError(ids?.length ?? 0, batch.length);
  for (const [index, plan] of batch.entries()) createdIds.set(plan.entity, ids[index]!);
}

async function updateBatch(
  graph: Graph,
  definition: NodeDefinition,
  batch: readonly SavePlan[],
): Promise<void> {
  if (batch.length === 0) return;
  const rows = batch.map((plan) => ({ id: stateOf(plan.entity).elementId, changes: plan.changes }));
  const query = {
    cypher: updateManyText(definition),
    params: { rows },
    sensitive: sensitiveDbNames(definition.properties),
    model: definition.name,
  };
  const [ids] = await graph.run(query, 'WRITE', (record) => record.get('ids') as string[]);
  if (ids && ids.length === batch.length) return;
  // A node was deleted meanwhile: raising rolls the whole transaction back, so nothing is written.
  const found = new Set(ids ?? []);
  const missing = rows.find((entry) => !found.has(entry.id!));
  throw new DoesNotExistError(definition.name, { elementId: missing?.id });
}

/**
 * How a lost COMMIT reply is settled: with new instances of a model with a generated id, like
 * `createMany` (their ids read back: all rows of the transaction exist, or none); otherwise it is
 * reported (CommitOutcomeUnknownError), as for `save()`: updates address nodes by element id, which
 * a deleted node can hand on to a new one, so they are never re-run blindly.
 */
function recoveryFor(
  graph: Graph,
  definition: NodeDefinition,
  creates: readonly SavePlan[],
  createdIds: Map<object, string>,
): LostCommitRecovery<void> | undefined {
  if (creates.length === 0) return undefined;
  const check = createdBatchCheck(
    graph,
    definition,
    creates.map((plan) => ({ entity: plan.entity, create: plan.stored })),
  );
  if (!check || !('applied' in check)) return check;
  return {
    applied: async (bounds) => {
      const applied = await check.applied(bounds);
      if (applied) for (const plan of creates) createdIds.set(plan.entity, stateOf(plan.entity).elementId!);
      return applied;
    },
  };
}
