import neo4j, { type Driver } from 'neo4j-driver';
import { FaultProxy, neo4jSettingsFromEnv, resetDatabase } from '../../src';

// The proxy is the tool behind the fault suites: these tests show each fault does what it says
// against the real server, using the raw driver so that no Cartograph behaviour is involved.
describe('FaultProxy between the driver and Neo4j', () => {
  const settings = neo4jSettingsFromEnv();
  const direct = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password));
  let proxy: FaultProxy;
  let proxied: Driver;

  beforeEach(async () => {
    await resetDatabase(direct);
    proxy = await FaultProxy.start(settings.uri);
    proxied = neo4j.driver(proxy.uri, neo4j.auth.basic(settings.username, settings.password), {
      maxTransactionRetryTime: 1_000,
      connectionTimeout: 2_000,
    });
  });
  afterEach(async () => {
    await proxy.close();
    await proxied.close();
  });
  afterAll(() => direct.close());

  const countEntries = async () => {
    const { records } = await direct.executeQuery('MATCH (e:LedgerEntry) RETURN count(e) AS n');
    return records[0]!.get('n').toNumber() as number;
  };

  it('forwards queries unchanged while healthy', async () => {
    const { records } = await proxied.executeQuery('RETURN 1 + 1 AS two');
    expect(records[0]!.get('two').toNumber()).toBe(2);
    expect(proxy.stats.connections).toBeGreaterThan(0);
  });

  it('cuts open connections, and the driver reconnects for the next query', async () => {
    const session = proxied.session();
    await session.run('RETURN 1');
    proxy.cut();
    await expect(session.run('RETURN 2')).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    await session.close();
    const { records } = await proxied.executeQuery('RETURN 3 AS three');
    expect(records[0]!.get('three').toNumber()).toBe(3);
  });

  it('refuses new connections until healed', async () => {
    await proxy.refuse();
    await expect(proxied.executeQuery('RETURN 1')).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    await proxy.heal();
    const { records } = await proxied.executeQuery('RETURN 1 AS one');
    expect(records[0]!.get('one').toNumber()).toBe(1);
  });

  it('freezes the path: a query sent into it gets no answer, and the driver waits on', async () => {
    const session = proxied.session();
    await session.run('RETURN 1');
    proxy.freeze();
    const outcome = await Promise.race([
      session.run('RETURN 2').then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1_500)),
    ]);
    expect(outcome).toBe('still waiting');
    await proxy.heal();
    await session.close().catch(() => undefined);
  });

  it('rolls back a transaction whose COMMIT it cuts', async () => {
    proxy.failNextCommit('cut-before-commit');
    const session = proxied.session();
    const tx = await session.beginTransaction();
    await tx.run('CREATE (:LedgerEntry {ref: 1})');
    await expect(tx.commit()).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    await session.close();
    expect(await countEntries()).toBe(0);
  });

  it("drops the reply to a COMMIT the server applied: the driver's managed retry then writes twice", async () => {
    proxy.failNextCommit('drop-commit-reply');
    const session = proxied.session();
    await session.executeWrite((tx) => tx.run('CREATE (:LedgerEntry {ref: 1})'));
    await session.close();
    expect(proxy.commitFaultPending).toBe(false);
    // This is the hazard Cartograph's executor guards against (see docs/reliability.md).
    expect(await countEntries()).toBe(2);
  });
});
