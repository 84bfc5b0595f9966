// Running one move through the OGM, and how it ended.
import type { NodeEntity, RelationshipManager } from '../../../src';
import type { Student, Topic } from '../../support/assignment-models';
import type { RacedField } from './raced-fields';
import type { Move } from './rounds';

/** The entities a move needs, loaded through the OGM. */
export interface MoveEntities {
  readonly owner: NodeEntity;
  readonly manager: RelationshipManager<NodeEntity>;
  readonly old: NodeEntity;
  readonly next: NodeEntity;
}

/** Loads the entities of `moves` in two queries (every node of the round is small and known). */
export async function loadMoves(field: RacedField, moves: readonly Move[]): Promise<MoveEntities[]> {
  const ownerModel = field.owner.model as unknown as typeof Student;
  const targetModel = field.target.model as unknown as typeof Topic;
  const [owners, targets] = await Promise.all([ownerModel.nodes.all(), targetModel.nodes.all()]);
  const byName = <T extends { name: string }>(nodes: T[], name: string) =>
    nodes.find((n) => n.name === name)!;
  return moves.map((move) => {
    const owner = byName(owners, move.owner) as unknown as Record<string, RelationshipManager<NodeEntity>>;
    return {
      owner: owner as unknown as NodeEntity,
      manager: owner[field.field]!,
      old: byName(targets, move.old),
      next: byName(targets, move.next),
    };
  });
}

export async function runMove(move: Move, entities: MoveEntities): Promise<void> {
  const { owner, manager, old, next } = entities;
  switch (move.op) {
    case 'relate': {
      // By key: neither node is loaded for the write, only their unique names are given.
      const model = owner.constructor as unknown as typeof Student;
      await model.relate({ name: move.owner }, manager.definition.name as 'pick', { name: move.next });
      return;
    }
    case 'connect':
      await manager.connect(next);
      return;
    case 'replace':
      await manager.replace([next]);
      return;
    case 'reconnect':
      await manager.reconnect(old, next);
      return;
    case 'disconnect':
      await manager.disconnect(old);
      return;
    case 'disconnectAll':
      await manager.disconnectAll();
      return;
  }
}

/** How a move ended, in a form that crosses a process boundary. */
export type Outcome = { ok: true } | { ok: false; name: string; code?: string; message: string };

export function outcomeOf(result: PromiseSettledResult<unknown>): Outcome {
  if (result.status === 'fulfilled') return { ok: true };
  const error = result.reason as Error & { code?: unknown };
  return {
    ok: false,
    name: error?.name ?? 'unknown',
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: String(error?.message ?? error),
  };
}

/** A loser may be refused with a typed error; anything else is a defect. */
export function isLegitimateRefusal(outcome: Outcome): boolean {
  return (
    outcome.ok ||
    outcome.code === 'ATTEMPTED_CARDINALITY_VIOLATION' ||
    // reconnect / disconnect from a node the other move already took away
    outcome.code === 'NOT_RELATED'
  );
}
