import { NotSavedError } from '../errors';
import type { Graph } from '../graph/graph';
import type { PairCounts, PairQueries } from './pair-queries';

/**
 * The locking half of the relationship manager's multi-statement writes (connect and disconnect
 * lock in their own single statement, see `PairQueries`): every mutation write-locks the nodes
 * whose counts it checks before it reads those counts, always in element-id order so that two
 * writers on the same nodes queue instead of deadlocking. `model` names the owner in errors.
 */
export class LockedCounts {
  constructor(
    private readonly graph: Graph,
    private readonly queries: PairQueries,
    private readonly model: string,
  ) {}

  /** Write-locks the nodes in element-id order (the order every mutation uses). */
  async lock(ids: readonly string[]): Promise<void> {
    const sorted = unique(ids).sort();
    const locked = await this.graph.run(this.queries.lockNodes(sorted), 'WRITE', () => true);
    if (locked.length !== sorted.length) throw this.#deleted();
  }

  /**
   * Locks the owner, its current targets through this field and `extra`, and returns the current
   * targets as read under the owner's lock. Targets are read before locking (to lock everything in
   * element-id order), so the read is repeated until it names no node left unlocked: a target added
   * meanwhile was added by a writer that held the owner's lock, which this transaction now holds.
   */
  async ownerAndTargets(a: string, extra: readonly string[]): Promise<string[]> {
    const locked = new Set<string>();
    let current = await this.#targetIds(a);
    for (;;) {
      const missing = unique([a, ...current, ...extra]).filter((id) => !locked.has(id));
      if (missing.length === 0) return current;
      await this.lock(missing);
      for (const id of missing) locked.add(id);
      current = await this.#targetIds(a);
    }
  }

  /** Counts per node (call under lock); each entry repeats the owner's own count. */
  async ends(a: string, ids: readonly string[]): Promise<Map<string, PairCounts>> {
    const rows = await this.graph.run(this.queries.endCounts(a, ids), 'WRITE', (record) => ({
      id: record.get('id') as string,
      counts: toCounts(record),
    }));
    const counts = new Map(rows.map((row) => [row.id, row.counts]));
    if (counts.size !== unique(ids).length) throw this.#deleted();
    return counts;
  }

  #targetIds(a: string): Promise<string[]> {
    return this.graph.run(this.queries.targetIds(a), 'WRITE', (record) => record.get('id') as string);
  }

  #deleted(): NotSavedError {
    return new NotSavedError(this.model, 'change relationships of a deleted node with');
  }
}

export function toCounts(record: { get(key: string): unknown }): PairCounts {
  return {
    owner: Number(record.get('owner')),
    target: Number(record.get('target')),
    pair: Number(record.get('pair')),
  };
}

export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
