import { AttemptedCardinalityViolationError } from '../errors';
import type { RelationshipDefinition } from '../registry/definitions';
import type { BulkField } from './bulk-ends';
import type { LockedEnds } from './bulk-locks';
import { boundsToCheck } from './pair-writes';

/** A pair of locked nodes of a batch: element ids and the caller's position of the pair. */
export interface IdPair {
  readonly position: number;
  readonly a: string;
  readonly b: string;
  readonly props: Record<string, unknown>;
  /** Relationships removed by this pair (`unrelateMany`); 1 when creating. */
  readonly change: number;
}

/** Which cardinality bounds a bulk write must check: the maxima when adding, the minima when removing. */
export function countsNeeded(field: BulkField, adding: boolean): { owner: boolean; target: boolean } {
  return boundsToCheck(field.definition, field.reverse, adding);
}

interface EndChange {
  readonly id: string;
  /** Declared on this end (the field itself or the reverse side). */
  readonly definition: RelationshipDefinition;
  readonly model: string;
  readonly current: number;
  change: number;
  readonly positions: number[];
}

/**
 * Checks the whole batch at once against both ends' cardinality: each node's count read under
 * lock, plus (or minus) every pair of the batch that touches it. An undirected field counts a node's
 * relationships in either direction, so a node on both sides of the batch adds up both.
 * @throws AttemptedCardinalityViolationError naming every offending node and the pairs involved
 */
export function checkBatch(
  field: BulkField,
  ends: LockedEnds,
  pairs: readonly IdPair[],
  adding: boolean,
): void {
  const counts = countsNeeded(field, adding);
  const undirected = field.definition.direction === 'both';
  const changes = new Map<string, EndChange>();
  const note = (id: string, side: 'owner' | 'target', pair: IdPair) => {
    const key = undirected ? id : `${side}:${id}`;
    let end = changes.get(key);
    if (!end) {
      const definition = side === 'owner' ? field.definition : field.reverse!.definition;
      const model = side === 'owner' ? field.owner.name : field.target.name;
      const current = (side === 'owner' ? ends.owner.get(id) : ends.target.get(id)) ?? 0;
      end = { id, definition, model, current, change: 0, positions: [] };
      changes.set(key, end);
    }
    end.change += pair.change;
    end.positions.push(pair.position);
  };
  for (const pair of pairs) {
    if (counts.owner) note(pair.a, 'owner', pair);
    if (counts.target) note(pair.b, 'target', pair);
  }
  const broken = [...changes.values()].filter((end) => {
    const { min, max } = end.definition.cardinality;
    return adding ? end.current + end.change > max : end.current - end.change < min;
  });
  if (broken.length === 0) return;
  const lines = broken.slice(0, 5).map((end) => describe(end, ends, adding));
  const more = broken.length > 5 ? ` (${broken.length - 5} more node(s) too)` : '';
  const positions = [...new Set(broken.flatMap((end) => end.positions))].sort((x, y) => x - y);
  throw new AttemptedCardinalityViolationError(`${lines.join(' ')}${more}`, positions);
}

function describe(end: EndChange, ends: LockedEnds, adding: boolean): string {
  const { definition } = end;
  const name = ends.names.get(end.id) ?? `${end.model} ${end.id}`;
  const pairs = end.positions.slice(0, 10).join(', ') + (end.positions.length > 10 ? ', ...' : '');
  const verb = adding ? 'add' : 'remove';
  return (
    `${end.model}.${definition.name} is ${definition.cardinality.name}: ${name} has ${end.current} ` +
    `${definition.type} relationship(s) and pairs [${pairs}] would ${verb} ${end.change}.`
  );
}
