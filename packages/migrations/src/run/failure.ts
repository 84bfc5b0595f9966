import { MigrationError } from '../errors';
import type { MigrationFile } from '../files/migration-file';
import type { MigrationRecord, RecordPayload } from '../history/migration-record';
import { writeRecord } from '../history/write-record';
import type { MigrationRunItem } from '../types';
import { MigrationStepFailure } from './execute-migration';
import type { RunSettings } from './settings';

/**
 * Records a failed `up` (state `failed`, with the error) in a transaction of its own, since the
 * migration's own transaction was rolled back. Returns whether recording worked.
 */
export async function recordFailure(
  settings: RunSettings,
  error: unknown,
  payload: (durationMs: number, message: string) => RecordPayload,
  history: readonly MigrationRecord[],
): Promise<boolean> {
  const durationMs = error instanceof MigrationStepFailure ? error.durationMs : 0;
  try {
    await settings.graph.writeTransaction(async (tx) => {
      await writeRecord(
        (query) => tx.run(query.cypher, query.params),
        payload(durationMs, messageOf(error)),
        history,
      );
    });
    return true;
  } catch (recordError) {
    settings.log(`Could not record the failure: ${(recordError as Error).message}`);
    return false;
  }
}

/**
 * The `MIGRATION_PARTIALLY_APPLIED` refusal of a batched step, when that is why the migration
 * stopped: not a failure of the migration (nothing new was applied), so it is not recorded as one
 * and reaches the caller with its own code, plus the migrations completed before it.
 */
export function refusalOf(
  error: unknown,
  file: MigrationFile,
  completed: readonly MigrationRunItem[],
): MigrationError | undefined {
  const cause = error instanceof MigrationStepFailure ? error.error : error;
  if (!(cause instanceof MigrationError) || cause.code !== 'MIGRATION_PARTIALLY_APPLIED') return undefined;
  return new MigrationError(cause.code, cause.message, { cause, migration: file, completed });
}

/** The `MIGRATION_FAILED` error a run throws: what failed, what had committed, what to do. */
export function failureError(
  file: MigrationFile,
  direction: 'up' | 'down',
  error: unknown,
  completed: readonly MigrationRunItem[],
  recorded: boolean,
): MigrationError {
  const id = `${file.version}_${file.name}`;
  const committed = error instanceof MigrationStepFailure ? error.committed : [];
  const location = error instanceof MigrationStepFailure ? error.location : undefined;
  const partial = error instanceof MigrationStepFailure ? error.partial : undefined;
  const steps =
    committed.length === 0
      ? partial
        ? ''
        : 'None of its changes were committed.'
      : `${committed.length} of its steps had already committed and stay in the database (schema commands and batched statements commit on their own):\n${committed.map((statement, i) => `  ${i + 1}. ${oneLine(statement)}`).join('\n')}\n`;
  const batches = partial
    ? ' The failing statement runs in batches: the batches before the failure are committed.'
    : '';
  const undo =
    committed.length > 0 || partial
      ? ' Make the migration safe to re-run, or undo those changes by hand.'
      : '';
  const state =
    direction === 'up'
      ? recorded
        ? `It is recorded as failed; earlier migrations stay applied. Fix it and run up again to retry it.`
        : 'Earlier migrations stay applied. Fix it and run up again to retry it.'
      : 'It stays recorded as applied. Fix its down and run down again.';
  const verb = direction === 'up' ? 'Migration' : 'Reverting';
  return new MigrationError(
    'MIGRATION_FAILED',
    `${verb} ${id} failed${location ? ` at ${location}` : ''}: ${messageOf(error)}. ${`${steps}${batches}${undo}`.trim()} ${state}`,
    {
      cause: error instanceof MigrationStepFailure ? error.error : error,
      migration: file,
      completed,
    },
  );
}

/** A statement on one line, shortened, for lists in messages. */
function oneLine(statement: string): string {
  const flat = statement.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

function messageOf(error: unknown): string {
  const cause = error instanceof MigrationStepFailure ? error.error : error;
  // Steps now fail with Cartograph's typed errors, whose message ends with the query text; the
  // record names the migration already, so it keeps the one-line reason.
  return cause instanceof Error ? cause.message.split('\nQuery:\n')[0]! : String(cause);
}
