import type { Driver } from 'neo4j-driver';

/**
 * Runs `work` while another application's open transaction holds the write locks of the people
 * with these emails, then rolls that transaction back. Resolves with what `work` returned, or with
 * `'waited'` when it had not finished after `patienceMs`: it was waiting for those locks.
 */
export async function whileOthersLockPeople<T>(
  driver: Driver,
  emails: readonly string[],
  work: () => Promise<T>,
  patienceMs = 10_000,
): Promise<T | 'waited'> {
  const session = driver.session();
  const locking = await session.beginTransaction();
  await locking.run('MATCH (p:Person) WHERE p.email IN $emails SET p.name = p.name', { emails });
  try {
    const waited = new Promise<'waited'>((resolve) =>
      setTimeout(() => resolve('waited'), patienceMs).unref(),
    );
    return await Promise.race([work(), waited]);
  } finally {
    await locking.rollback();
    await session.close();
  }
}
