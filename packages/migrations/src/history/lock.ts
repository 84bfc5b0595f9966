import { hostname } from 'node:os';
import { type CompiledQuery, type Graph, toPlain } from '@cartograph/core';
import { runCompiled } from '@cartograph/core/internal';
import {
  countStar,
  create,
  deleteClause,
  fn,
  map,
  match,
  node,
  param,
  prop,
  query,
  render,
  returnClause,
  sub,
  variable,
} from '@cartograph/cypher';
import { MigrationError } from '../errors';
import type { HeldLock } from '../types';
import { LOCK_ID, LOCK_LABEL } from './labels';

/** Who holds the lock, for messages. */
interface LockHolder {
  readonly owner: string;
  readonly acquiredAt: string;
}

const POLL_MS = 250;

/**
 * Takes the migration lock: creates `(:__CartographMigrationLock {id: 'migrate'})`. The uniqueness
 * constraint on `id` makes a second CREATE wait for the first transaction, then fail, so exactly
 * one run holds it. Retries every 250 ms until `timeoutMs`.
 * @returns a function that releases it.
 * @throws MigrationError `MIGRATION_LOCKED` when the lock stays taken.
 */
export async function acquireLock(
  graph: Graph,
  owner: string,
  timeoutMs: number,
  log: (line: string) => void = () => undefined,
): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  let waiting = false;
  const lockNode = node(
    'l',
    [LOCK_LABEL],
    map([
      ['id', param(LOCK_ID)],
      ['owner', param(owner)],
      ['host', param(hostname())],
      ['pid', fn('toInteger', [param(process.pid)])],
      ['acquiredAt', fn('datetime')],
    ]),
  );
  const acquire = render(query(create(lockNode)));
  for (;;) {
    try {
      await runCompiled(graph, acquire, 'WRITE', () => undefined);
      return () => deleteLock(graph, owner).then(() => undefined);
    } catch (error) {
      if (!isConstraintViolation(error)) throw error;
    }
    if (!waiting) {
      waiting = true;
      const holder = await lockHolder(graph);
      log(
        `Waiting for the migration lock${holder ? `, held by ${holder.owner} since ${holder.acquiredAt}` : ''} (up to ${timeoutMs} ms) ...`,
      );
    }
    if (Date.now() >= deadline) {
      const holder = await lockHolder(graph);
      const who = holder ? `${holder.owner} since ${holder.acquiredAt}` : 'another run';
      throw new MigrationError(
        'MIGRATION_LOCKED',
        `The migration lock is held by ${who}; waited ${timeoutMs} ms. If that run is still going, let it finish. If it crashed, release the stale lock (cartograph migrate unlock, or Migrator.releaseLock()) and run again.`,
      );
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

/** Deletes the lock whoever holds it; true when there was one. */
export async function deleteLock(graph: Graph, owner?: string): Promise<boolean> {
  const keys: Array<[string, ReturnType<typeof param>]> = [['id', param(LOCK_ID)]];
  if (owner !== undefined) keys.push(['owner', param(owner)]);
  const found = node('l', [LOCK_LABEL], map(keys));
  const compiled: CompiledQuery = render(
    query(match(found), deleteClause(variable('l')), returnClause([{ expr: countStar(), alias: 'deleted' }])),
  );
  const [deleted] = await runCompiled(graph, compiled, 'WRITE', (record) => toPlain(record.get('deleted')));
  return Number(deleted ?? 0) > 0;
}

async function lockHolder(graph: Graph): Promise<LockHolder | undefined> {
  const compiled = render(
    query(
      match(node('l', [LOCK_LABEL], map({ id: param(LOCK_ID) }))),
      returnClause([
        { expr: prop('l', 'owner'), alias: 'owner' },
        { expr: fn('toString', [prop('l', 'acquiredAt')]), alias: 'acquiredAt' },
      ]),
    ),
  );
  const [holder] = await runCompiled(graph, compiled, 'READ', (record) => ({
    owner: String(record.get('owner')),
    acquiredAt: String(record.get('acquiredAt')),
  }));
  return holder;
}

/** The lock as it stands, with its age by the server's clock; undefined when nobody holds it. */
export async function readHeldLock(graph: Graph): Promise<HeldLock | undefined> {
  const l = variable('l');
  const compiled = render(
    query(
      match(node('l', [LOCK_LABEL], map({ id: param(LOCK_ID) }))),
      returnClause([
        { expr: prop(l, 'owner'), alias: 'owner' },
        { expr: prop(prop(l, 'acquiredAt'), 'epochMillis'), alias: 'acquiredAt' },
        {
          expr: sub(prop(fn('datetime'), 'epochMillis'), prop(prop(l, 'acquiredAt'), 'epochMillis')),
          alias: 'ageMs',
        },
      ]),
    ),
  );
  const [held] = await runCompiled(graph, compiled, 'READ', (record): HeldLock => {
    const acquiredAt = toPlain(record.get('acquiredAt'));
    // A lock node written by hand may lack acquiredAt; it is still a held lock.
    if (acquiredAt === null) return { owner: String(record.get('owner')) };
    return {
      owner: String(record.get('owner')),
      acquiredAt: new Date(Number(acquiredAt)),
      ageMs: Number(toPlain(record.get('ageMs'))),
    };
  });
  return held;
}

/** The server refused the CREATE because the lock node exists (possibly wrapped by Cartograph). */
function isConstraintViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed' || code === 'UNIQUE_PROPERTY')
      return true;
  }
  return false;
}
