import { ensureBookkeepingSchema } from '../history/bookkeeping-schema';
import { acquireLock } from '../history/lock';
import type { RunSettings } from './settings';

/**
 * Runs `work` holding the migration lock (creating the bookkeeping constraints on first use),
 * and releases the lock however `work` ends.
 */
export async function withLock<T>(settings: RunSettings, work: () => Promise<T>): Promise<T> {
  await ensureBookkeepingSchema(settings.graph);
  const release = await acquireLock(settings.graph, settings.owner, settings.lockTimeoutMs, settings.log);
  try {
    return await work();
  } finally {
    await release().catch((error: Error) =>
      settings.log(`Could not release the migration lock: ${error.message}. Release it with releaseLock().`),
    );
  }
}
