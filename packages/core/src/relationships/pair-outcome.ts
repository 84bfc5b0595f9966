import type { Relationship as Neo4jRelationship } from 'neo4j-driver';
import { assertCanAdd, assertCanRemove, type EndDescription } from '../registry/cardinality-check';
import type { AnyClass, RelationshipDefinition } from '../registry/definitions';
import { hydrateRelationship, type RelationshipEntity } from '../relationship-model/relationship-entity';
import { toCounts } from './locked-counts';
import type { PairCounts } from './pair-queries';

/** One row of a single-pair write statement (see `PairWrites`): the counts under lock and what was written. */
export interface PairOutcome {
  readonly counts: PairCounts;
  readonly created: readonly unknown[];
  readonly existing: readonly unknown[];
  readonly deleted: number;
}

/** Both ends of the pair, as messages name them; `target` only when the other model declares the reverse side. */
export interface PairEnds {
  readonly owner: EndDescription;
  readonly target: EndDescription | undefined;
}

export function readOutcome(record: {
  keys: readonly PropertyKey[];
  get(key: string): unknown;
}): PairOutcome {
  const has = (key: string) => record.keys.includes(key);
  return {
    counts: toCounts(record),
    created: has('created') ? (record.get('created') as unknown[]) : [],
    existing: has('existing') ? (record.get('existing') as unknown[]) : [],
    deleted: has('deleted') ? Number(record.get('deleted')) : 0,
  };
}

/**
 * What a connect statement's row means: the relationship it created, else the pair's existing one
 * (unless `parallel`), else the typed error the counts under lock call for. `ends` is asked for
 * only on a refusal.
 * @throws AttemptedCardinalityViolationError when either end would exceed its maximum
 */
export function connectResult<R extends RelationshipEntity>(
  definition: RelationshipDefinition,
  row: PairOutcome,
  parallel: boolean,
  ends: () => PairEnds,
): R {
  const hydrate = (relationship: unknown) =>
    hydrateRelationship<R>(definition.model as AnyClass | undefined, relationship as Neo4jRelationship);
  if (row.created.length > 0) return hydrate(row.created[0]);
  if (row.counts.pair > 0 && !parallel && row.existing.length > 0) return hydrate(row.existing[0]);
  // Refused: the counts under lock say which end.
  const { owner, target } = ends();
  assertCanAdd(owner, row.counts.owner);
  if (target) assertCanAdd(target, row.counts.target);
  throw new Error(`Internal error: connect through ${definition.name} wrote nothing and refused nothing`);
}

/**
 * Checks a disconnect statement's row: it deleted, or there was nothing to delete, or the counts
 * under lock say which end refused.
 * @throws AttemptedCardinalityViolationError when either end would fall below its minimum
 */
export function disconnectResult(
  definition: RelationshipDefinition,
  row: PairOutcome,
  ends: () => PairEnds,
): void {
  const { counts } = row;
  if (counts.pair === 0 || row.deleted > 0) return;
  const { owner, target } = ends();
  assertCanRemove(owner, counts.owner, counts.pair);
  if (target) assertCanRemove(target, counts.target, counts.pair);
  throw new Error(
    `Internal error: disconnect through ${definition.name} deleted nothing and refused nothing`,
  );
}
