import type { Graph } from '@cartograph/core';
import { runCompiled } from '@cartograph/core/internal';
import { createConstraint, render, showConstraints } from '@cartograph/cypher';
import { LOCK_CONSTRAINT, LOCK_LABEL, MIGRATION_LABEL, VERSION_CONSTRAINT } from './labels';

const CONSTRAINTS = [
  { name: LOCK_CONSTRAINT, label: LOCK_LABEL, property: 'id' },
  { name: VERSION_CONSTRAINT, label: MIGRATION_LABEL, property: 'version' },
] as const;

/**
 * Creates the two uniqueness constraints bookkeeping relies on: the lock's (creating the lock
 * node is the lock operation) and one record per version. Two processes starting at once may
 * race here; the loser's error is ignored once the constraint is there.
 */
export async function ensureBookkeepingSchema(graph: Graph): Promise<void> {
  const existing = await constraintNames(graph);
  for (const constraint of CONSTRAINTS) {
    if (existing.has(constraint.name)) continue;
    const command = createConstraint({
      name: constraint.name,
      entity: 'node',
      label: constraint.label,
      properties: [constraint.property],
      kind: 'unique',
      ifNotExists: true,
    });
    try {
      await runCompiled(graph, render(command), 'WRITE', () => undefined);
    } catch (error) {
      if (!(await constraintNames(graph)).has(constraint.name)) throw error;
    }
  }
}

async function constraintNames(graph: Graph): Promise<Set<string>> {
  return new Set(
    await runCompiled(graph, render(showConstraints()), 'READ', (record) => String(record.get('name'))),
  );
}
