import { AbortedError, DeadlineExceededError, Graph } from '../../src';
import { useFaultRig } from './fault-graph';
import { AuditNote, LedgerEntry } from './ledger-models';

// A network path that goes silent (bytes dropped, sockets left open) must not leave a call pending:
// every call ends within its bound with a typed error, and nothing is half-written.
const rig = useFaultRig({ defaultTimeoutMs: 1_500 });

/** Runs `call` and measures how long it took to settle. */
async function timed(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await call().then(
    () => undefined,
    (failure: unknown) => failure,
  );
  return { error, ms: performance.now() - started };
}

describe('a frozen network path', () => {
  it('ends a readTransaction at its timeoutMs with DeadlineExceededError', async () => {
    await LedgerEntry.create({ ref: 1 });
    rig.proxy().freeze();

    const { error, ms } = await timed(() =>
      rig.graph().readTransaction(() => LedgerEntry.nodes.count(), { timeoutMs: 700 }),
    );

    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(error).toMatchObject({ code: 'DEADLINE_EXCEEDED', timeoutMs: 700 });
    expect(ms).toBeLessThan(700 + 1_000);
  });

  it("ends a NodeSet terminal call at the graph's defaultTimeoutMs", async () => {
    rig.proxy().freeze();

    const { error, ms } = await timed(() => LedgerEntry.nodes.count());

    expect(error).toMatchObject({ code: 'DEADLINE_EXCEEDED', timeoutMs: 1_500 });
    expect(ms).toBeLessThan(1_500 + 1_000);
  });

  it('ends a NodeSet terminal call at the timeoutMs given with withOptions', async () => {
    rig.proxy().freeze();

    const { error, ms } = await timed(() => LedgerEntry.nodes.withOptions({ timeoutMs: 300 }).all());

    expect(error).toMatchObject({ code: 'DEADLINE_EXCEEDED', timeoutMs: 300 });
    expect(ms).toBeLessThan(300 + 1_000);
  });

  it('ends graph.cypher and explain at their own timeoutMs', async () => {
    rig.proxy().freeze();

    const cypher = await timed(() =>
      rig.graph().cypher('RETURN 1 AS one', {}, { mode: 'READ', timeoutMs: 300 }),
    );
    const explain = await timed(() => LedgerEntry.nodes.withOptions({ timeoutMs: 300 }).explain());

    expect(cypher.error).toMatchObject({ code: 'DEADLINE_EXCEEDED', timeoutMs: 300 });
    expect(explain.error).toMatchObject({ code: 'DEADLINE_EXCEEDED', timeoutMs: 300 });
    expect(cypher.ms + explain.ms).toBeLessThan(600 + 2_000);
  });

  it('ends a call at once when its signal aborts', async () => {
    rig.proxy().freeze();
    const controller = new AbortController();

    const pending = timed(() => LedgerEntry.nodes.withOptions({ signal: controller.signal }).exists());
    controller.abort(new Error('the user navigated away'));
    const { error, ms } = await pending;

    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ code: 'ABORTED' });
    expect(ms).toBeLessThan(1_000);
  });

  it('rolls back a write transaction that froze before COMMIT: nothing is half-written', async () => {
    const { error } = await timed(() =>
      rig.graph().writeTransaction(
        async () => {
          await AuditNote.create({ text: 'first half' });
          rig.proxy().freeze();
          await AuditNote.create({ text: 'second half' });
        },
        { timeoutMs: 800 },
      ),
    );

    expect(error).toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    await rig.proxy().heal();
    expect(await rig.count('AuditNote')).toBe(0);
  });

  it('bounds a stream: each wait for the server ends at the deadline', async () => {
    await LedgerEntry.create({ ref: 1 });
    rig.proxy().freeze();

    const { error, ms } = await timed(async () => {
      for await (const entry of LedgerEntry.nodes.stream({ timeoutMs: 400 })) expect(entry).toBeDefined();
    });

    expect(error).toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    expect(ms).toBeLessThan(400 + 1_000);
  });

  it('works again once the path heals', async () => {
    rig.proxy().freeze();
    await expect(LedgerEntry.nodes.count()).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });

    await rig.proxy().heal();
    await LedgerEntry.create({ ref: 7 });

    expect(await LedgerEntry.nodes.count()).toBe(1);
    expect(await rig.count('LedgerEntry')).toBe(1);
  });
});

describe('an explicit transaction on a frozen path', () => {
  it('ends a call at the default deadline and breaks the connection, releasing its locks', async () => {
    const entry = await LedgerEntry.create({ ref: 1, amountCents: 100 });
    const tx = await rig.graph().beginTransaction();
    entry.amountCents = 200;
    await tx.within(() => entry.save()); // holds the write lock on the entry
    rig.proxy().freeze();

    await expect(tx.run('MATCH (e:LedgerEntry) RETURN count(e) AS n')).rejects.toMatchObject({
      code: 'DEADLINE_EXCEEDED',
    });
    await expect(tx.rollback()).resolves.toBeUndefined();

    // Only a connection the server saw close frees the lock: a direct write gets it (and would
    // fail at its own timeout if the transaction were still open).
    const updated = await rig.write('MATCH (e:LedgerEntry {ref: 1}) SET e.amountCents = 300', 5_000);
    expect(updated).toBe(true);
    expect(await rig.count('LedgerEntry', 'n.amountCents = 300')).toBe(1);
  });
});

describe('a connection cut during a read', () => {
  it('re-runs the readTransaction callback transparently', async () => {
    await LedgerEntry.create({ ref: 1 });
    let runs = 0;

    const count = await rig.graph().readTransaction(async () => {
      runs += 1;
      if (runs === 1) rig.proxy().cut();
      return LedgerEntry.nodes.count();
    });

    expect(count).toBe(1);
    expect(runs).toBe(2);
  });
});

describe('a refused connection', () => {
  it('raises ConnectionLostError once the retry time is spent', async () => {
    await rig.proxy().refuse();

    // A deadline far beyond the 3 s retry window: the retry window, not the deadline, ends the call
    // (with the file's 1.5 s default the two would race on a loaded machine).
    const { error } = await timed(() => LedgerEntry.nodes.withOptions({ timeoutMs: 20_000 }).count());

    expect(error).toMatchObject({ code: 'CONNECTION_LOST' });
    expect((error as Error).message).toContain('retry when Neo4j is reachable again');
  });

  it('works again once connections are accepted', async () => {
    await rig.proxy().refuse();
    await expect(
      rig.graph().writeTransaction(() => AuditNote.create({ text: 'refused' }), { timeoutMs: 20_000 }),
    ).rejects.toMatchObject({ code: 'CONNECTION_LOST' });

    await rig.proxy().heal();
    await AuditNote.create({ text: 'accepted' });

    expect(await rig.count('AuditNote')).toBe(1);
  });
});

describe('connecting through a frozen path', () => {
  it('fails Graph.connect within the default deadline instead of hanging', async () => {
    rig.proxy().freeze();

    const { error, ms } = await timed(() =>
      Graph.connect({
        url: rig.proxy().uri,
        auth: { username: 'neo4j', password: 'x' },
        defaultTimeoutMs: 500,
        default: false,
      }),
    );

    expect(error).toMatchObject({ code: 'NOT_CONNECTED' });
    expect(ms).toBeLessThan(500 + 1_000);
  });
});
