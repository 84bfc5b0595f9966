import type { CompiledQuery } from '@cartograph/cypher';
import type { MigrationRecord, RecordPayload } from './migration-record';
import { createRecordQuery, deleteRecordQuery, linkQuery, updateRecordQuery } from './record-queries';

/** Runs one bookkeeping query in whatever transaction the caller chose. */
export type Execute = (query: CompiledQuery) => Promise<unknown>;

/**
 * Writes a record: overwrites the existing one for this version (a retried failure), or creates
 * it and appends it to the chain after `history`'s last record.
 */
export async function writeRecord(
  execute: Execute,
  payload: RecordPayload,
  history: readonly MigrationRecord[],
): Promise<void> {
  if (history.some((record) => record.version === payload.version)) {
    await execute(updateRecordQuery(payload));
    return;
  }
  await execute(createRecordQuery(payload));
  const last = history.at(-1);
  if (last) await execute(linkQuery(last.version, payload.version));
}

/** Removes a record and bridges the chain around it. */
export async function removeRecord(
  execute: Execute,
  version: string,
  history: readonly MigrationRecord[],
): Promise<void> {
  const at = history.findIndex((record) => record.version === version);
  await execute(deleteRecordQuery(version));
  const previous = history[at - 1];
  const next = history[at + 1];
  if (at >= 0 && previous && next) await execute(linkQuery(previous.version, next.version));
}

/** The history after writing `payload` (kept in memory so a run need not re-read it). */
export function withRecord(history: readonly MigrationRecord[], payload: RecordPayload): MigrationRecord[] {
  const record: MigrationRecord = {
    version: payload.version,
    name: payload.name,
    kind: payload.kind,
    checksum: payload.checksum ?? undefined,
    state: payload.state,
    appliedAt: new Date(),
    durationMs: payload.durationMs,
    appliedBy: payload.appliedBy,
    error: payload.error ?? undefined,
  };
  const at = history.findIndex((existing) => existing.version === payload.version);
  if (at < 0) return [...history, record];
  return history.map((existing, i) => (i === at ? record : existing));
}
