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
  unwind,
  variable,
} from '@cartograph/cypher';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { CartographError } from '../errors';
import type { CallOptions } from '../executor/deadline';
import type { LostCommitRecovery } from '../executor/lost-commit-recovery';
import type { Graph } from '../graph/graph';
import { setState } from '../mapping/entity-state';
import type { NodeDefinition } from '../registry/definitions';

/** A row `createMany` writes: the instance and the stored values it is created with. */
interface CreatedRow {
  readonly entity: object;
  readonly create: Record<string, unknown>;
}

const n = variable('n');
const key = variable('key');

/**
 * For `createMany` of a model with a `@UniqueIdProperty`: after a lost COMMIT reply, reads the
 * generated ids back. All rows share one transaction, so either every node exists (the import
 * committed: the instances get their element ids) or none does (it is run again).
 */
export function createdBatchCheck(
  graph: Graph,
  definition: NodeDefinition,
  rows: readonly CreatedRow[],
): LostCommitRecovery<void> | undefined {
  const identity = definition.identity;
  if (!identity) return undefined;
  const text = render(
    query(
      unwind(param(undefined, 'keys'), key),
      match(node(n, definition.labels), { where: eq(prop(n, identity.dbName), key) }),
      returnClause([
        { expr: key, alias: 'key' },
        { expr: fn('elementId', [n]), alias: 'id' },
      ]),
    ),
  ).cypher;
  const applied = async (bounds: CallOptions) => {
    const keys = rows.map((row) => row.create[identity.dbName]);
    const read = (record: Neo4jRecord) => [record.get('key'), record.get('id') as string] as const;
    const found = new Map(
      await graph.run({ cypher: text, params: { keys }, model: definition.name }, 'READ', read, bounds),
    );
    if (found.size === 0) return undefined;
    if (found.size !== rows.length) {
      throw new CartographError(
        'BATCH_MISMATCH',
        `createMany: after a lost COMMIT reply, ${found.size} of ${rows.length} ${definition.name} nodes exist; check the data before importing again.`,
      );
    }
    for (const row of rows) {
      setState(row.entity, { elementId: found.get(row.create[identity.dbName]), snapshot: row.create });
    }
    return { result: undefined };
  };
  return { applied };
}
