import { type Graph, toPlain } from '@cartograph/core';
import { runCompiled } from '@cartograph/core/internal';
import { isDateTime } from 'neo4j-driver';
import type { MigrationRecord } from './migration-record';
import { readRecordsQuery } from './record-queries';

/**
 * Every migration record in apply order: the `[:__NEXT]` chain from its head. Records the chain
 * does not reach (only possible after manual edits) follow, ordered by `appliedAt`.
 */
export async function readHistory(graph: Graph): Promise<MigrationRecord[]> {
  const rows = await runCompiled(graph, readRecordsQuery(), 'READ', (record) => ({
    record: toRecord(record.get('record') as Record<string, unknown>),
    previous: record.get('previous') as string | null,
  }));
  return chainOrder(rows);
}

/** Orders records by following `previous` links; exported for unit tests. */
export function chainOrder(
  rows: ReadonlyArray<{ record: MigrationRecord; previous: string | null }>,
): MigrationRecord[] {
  const byVersion = new Map(rows.map((row) => [row.record.version, row.record]));
  const nextOf = new Map<string, string>();
  for (const row of rows) if (row.previous !== null) nextOf.set(row.previous, row.record.version);
  const ordered: MigrationRecord[] = [];
  const seen = new Set<string>();
  for (const head of rows.filter((row) => row.previous === null || !byVersion.has(row.previous))) {
    for (
      let version: string | undefined = head.record.version;
      version && !seen.has(version);
      version = nextOf.get(version)
    ) {
      const record = byVersion.get(version);
      if (!record) break;
      seen.add(version);
      ordered.push(record);
    }
  }
  const stray = rows.map((row) => row.record).filter((record) => !seen.has(record.version));
  stray.sort((a, b) => (a.appliedAt?.getTime() ?? 0) - (b.appliedAt?.getTime() ?? 0));
  return [...ordered, ...stray];
}

function toRecord(raw: Record<string, unknown>): MigrationRecord {
  const appliedAt = raw.appliedAt;
  const duration = toPlain(raw.durationMs);
  return {
    version: String(raw.version),
    name: String(raw.name ?? ''),
    kind: raw.kind === 'cypher' || raw.kind === 'baseline' ? raw.kind : 'ts',
    checksum: typeof raw.checksum === 'string' ? raw.checksum : undefined,
    state: raw.state === 'failed' || raw.state === 'baseline' ? raw.state : 'applied',
    appliedAt: isDateTime(appliedAt) ? appliedAt.toStandardDate() : undefined,
    durationMs: typeof duration === 'number' ? duration : undefined,
    appliedBy: typeof raw.appliedBy === 'string' ? raw.appliedBy : undefined,
    error: typeof raw.error === 'string' ? raw.error : undefined,
  };
}
