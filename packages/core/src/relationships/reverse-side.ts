import type { AnyClass, NodeDefinition, RelationshipDefinition } from '../registry/definitions';
import type { ReverseSide } from './pair-writes';

const opposite = { out: 'in', in: 'out', both: 'both' } as const;

/**
 * The relationship definition on the other model that describes the same relationships from its
 * side (same type, opposite direction, pointing back at the owner's model or one of its parents),
 * so both ends' cardinalities can be checked.
 */
export function findReverseSide(
  owner: NodeDefinition,
  definition: RelationshipDefinition,
  target: NodeDefinition,
): ReverseSide | undefined {
  for (const candidate of target.relationships.values()) {
    if (candidate.type !== definition.type || candidate.direction !== opposite[definition.direction])
      continue;
    const pointsAt = candidate.target();
    if (isSameOrParent(pointsAt, owner.target)) {
      return { definition: candidate, targetLabel: labelOf(pointsAt, owner) };
    }
  }
  return undefined;
}

function isSameOrParent(candidate: AnyClass, model: AnyClass): boolean {
  return candidate === model || model.prototype instanceof candidate;
}

function labelOf(pointsAt: AnyClass, owner: NodeDefinition): string {
  // The owner's own primary label when the reverse side points at the owner's class; otherwise the
  // parent's name, which is that parent's default label among the owner's inherited labels.
  return pointsAt === owner.target
    ? owner.primaryLabel
    : (owner.labels.find((label) => label === pointsAt.name) ?? owner.primaryLabel);
}
