import {
  type CompiledQuery,
  create,
  deleteClause,
  eq,
  fn,
  map,
  match,
  node,
  param,
  pattern,
  prop,
  query,
  rel,
  render,
  returnClause,
  set,
  setMerge,
  variable,
} from '@cartograph/cypher';
import { MIGRATION_LABEL, NEXT_TYPE } from './labels';
import type { RecordPayload } from './migration-record';

const m = () => node('m', [MIGRATION_LABEL]);

/** Every record with the version of the record before it in the chain. */
export function readRecordsQuery(): CompiledQuery {
  return render(
    query(
      match(m()),
      match(
        pattern(node('prev', [MIGRATION_LABEL]), [rel({ types: [NEXT_TYPE], direction: 'out' }), node('m')]),
        { optional: true },
      ),
      returnClause([
        { expr: fn('properties', [variable('m')]), alias: 'record' },
        { expr: prop('prev', 'version'), alias: 'previous' },
      ]),
    ),
  );
}

/** The record's properties; `appliedAt` is the server's clock, `durationMs` an INTEGER. */
function properties(payload: RecordPayload) {
  return map([
    ['version', param(payload.version)],
    ['name', param(payload.name)],
    ['kind', param(payload.kind)],
    ['checksum', param(payload.checksum)],
    ['state', param(payload.state)],
    ['appliedAt', fn('datetime')],
    ['durationMs', fn('toInteger', [param(payload.durationMs)])],
    ['appliedBy', param(payload.appliedBy)],
    ['error', param(payload.error)],
  ]);
}

/** `CREATE (m:__CartographMigration {...})`. */
export function createRecordQuery(payload: RecordPayload): CompiledQuery {
  return render(query(create(node('m', [MIGRATION_LABEL], properties(payload)))));
}

/** Overwrites an existing record (a failed one being retried, a checksum being repaired). */
export function updateRecordQuery(payload: RecordPayload): CompiledQuery {
  return render(
    query(
      match(m(), { where: eq(prop('m', 'version'), param(payload.version)) }),
      set([setMerge('m', properties(payload))]),
    ),
  );
}

/** Sets a record's checksum and name, leaving the rest as it was (repair). */
export function patchRecordQuery(version: string, fields: { checksum: string; name: string }): CompiledQuery {
  const changes = map([
    ['checksum', param(fields.checksum)],
    ['name', param(fields.name)],
  ]);
  return render(
    query(match(m(), { where: eq(prop('m', 'version'), param(version)) }), set([setMerge('m', changes)])),
  );
}

/** `(previous)-[:__NEXT]->(next)`: appends a record to the chain, or bridges a removed one. */
export function linkQuery(previous: string, next: string): CompiledQuery {
  return render(
    query(
      match(node('a', [MIGRATION_LABEL], map({ version: param(previous) }))),
      match(node('b', [MIGRATION_LABEL], map({ version: param(next) }))),
      create(pattern(node('a'), [rel({ types: [NEXT_TYPE], direction: 'out' }), node('b')])),
    ),
  );
}

/** Removes a record and its chain links (callers bridge the gap with {@link linkQuery}). */
export function deleteRecordQuery(version: string): CompiledQuery {
  return render(
    query(
      match(m(), { where: eq(prop('m', 'version'), param(version)) }),
      deleteClause(variable('m'), { detach: true }),
    ),
  );
}
