import { type Graph, toPlain } from '@cartograph/core';
import { runCompiled } from '@cartograph/core/internal';
import { isDateTime } from 'neo4j-driver';
import { REPEATABLE_LABEL } from './labels';
import type { Execute } from './write-record';

/** A `(:__CartographRepeatable)` node: the last run of a repeatable migration. */
export interface RepeatableRecord {
  readonly name: string;
  readonly kind: 'ts' | 'cypher';
  /** The checksum of the file when it last ran (successfully or not). */
  readonly checksum: string | undefined;
  readonly state: 'applied' | 'failed';
  readonly appliedAt: Date | undefined;
  readonly durationMs: number | undefined;
  readonly appliedBy: string | undefined;
  readonly error: string | undefined;
}

/** Every repeatable record, by name. They are not part of the versioned `[:__NEXT]` chain. */
export async function readRepeatableRecords(graph: Graph): Promise<RepeatableRecord[]> {
  const rows = await runCompiled(
    graph,
    { cypher: `MATCH (r:${REPEATABLE_LABEL}) RETURN properties(r) AS record ORDER BY r.name`, params: {} },
    'READ',
    (record) => record.get('record') as Record<string, unknown>,
  );
  return rows.map((raw) => {
    const duration = toPlain(raw.durationMs);
    return {
      name: String(raw.name ?? ''),
      kind: raw.kind === 'ts' ? 'ts' : 'cypher',
      checksum: typeof raw.checksum === 'string' ? raw.checksum : undefined,
      state: raw.state === 'failed' ? 'failed' : 'applied',
      appliedAt: isDateTime(raw.appliedAt) ? raw.appliedAt.toStandardDate() : undefined,
      durationMs: typeof duration === 'number' ? duration : undefined,
      appliedBy: typeof raw.appliedBy === 'string' ? raw.appliedBy : undefined,
      error: typeof raw.error === 'string' ? raw.error : undefined,
    };
  });
}

/** Creates or overwrites the record of a repeatable migration's run. */
export function writeRepeatableRecord(
  execute: Execute,
  payload: {
    name: string;
    kind: 'ts' | 'cypher';
    checksum: string;
    state: 'applied' | 'failed';
    durationMs: number;
    appliedBy: string;
    error: string | null;
  },
): Promise<unknown> {
  return execute({
    cypher: `MERGE (r:${REPEATABLE_LABEL} {name: $name})
SET r.kind = $kind, r.checksum = $checksum, r.state = $state, r.appliedAt = datetime(),
    r.durationMs = toInteger($durationMs), r.appliedBy = $appliedBy, r.error = $error`,
    params: { ...payload },
  });
}
