import { and, eq, match, node, prop, query, render, returnClause, variable } from '@cartograph/cypher';
import { unwindIndexed, unwoundIndex } from '../query/unwind-indexed';
import type { NodeDefinition } from '../registry/definitions';
import { createManyText } from './batch-queries';

const m = variable('m');
const i = unwoundIndex;
const key = variable('key');

/** The two statements of an `importMany` batch. */
export interface ImportQueries {
  /** Positions (`i`) of the `$keys` maps (stored names) that a node of the model already carries. */
  readonly stored: string;
  /** Creates a node per `$rows` item; returns `written`. */
  readonly create: string;
  /** The model's name (`CompiledQuery.model`). */
  readonly model: string;
}

/**
 * Reading the stored keys first and then creating the rest with a plain CREATE was measured faster
 * than one statement that checks each row (`WHERE NOT EXISTS { ... } CREATE`, which makes the
 * planner buffer the batch) and than MERGE on the key.
 */
export function importQueries(definition: NodeDefinition, keys: readonly string[]): ImportQueries {
  const stored = render(
    query(
      ...unwindIndexed('keys', 'key'),
      match(node(m, [definition.primaryLabel]), {
        where: and(...keys.map((name) => eq(prop(m, name), prop(key, name)))),
      }),
      returnClause([i], { distinct: true }),
    ),
  ).cypher;
  return { stored, create: createManyText(definition, 'written'), model: definition.name };
}
