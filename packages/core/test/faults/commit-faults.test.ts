import { CommitOutcomeUnknownError } from '../../src';
import { useFaultRig } from './fault-graph';
import { AuditNote, LedgerEntry, Payment } from './ledger-models';

// A write is applied exactly once, or the caller is told its outcome is unknown: never twice.
const rig = useFaultRig();

describe('a connection cut before COMMIT was sent', () => {
  it('re-runs the writeTransaction callback, whose writes are then applied once', async () => {
    let runs = 0;

    await rig.graph().writeTransaction(async () => {
      runs += 1;
      await AuditNote.create({ text: 'in a transaction' });
      if (runs === 1) rig.proxy().cut();
      await AuditNote.create({ text: 'second step' });
    });

    expect(runs).toBe(2);
    expect(await rig.count('AuditNote')).toBe(2);
  });
});

// The proxy cuts the connection as the COMMIT arrives, so the server never gets it; to the client
// this looks exactly like a lost reply (COMMIT sent, connection gone), so only a key can tell.
describe('a connection cut as COMMIT is sent (the server never got it)', () => {
  it('retries a keyed create after reading that it did not apply: applied once', async () => {
    rig.proxy().failNextCommit('cut-before-commit');

    const entry = await LedgerEntry.create({ ref: 1 });

    expect(rig.proxy().commitFaultPending).toBe(false);
    expect(await rig.count('LedgerEntry', 'n.ref = 1')).toBe(1);
    expect((await LedgerEntry.nodes.get({ ref: 1 })).elementId).toBe(entry.elementId);
  });

  it('raises CommitOutcomeUnknownError for a create without a key (nothing was applied)', async () => {
    rig.proxy().failNextCommit('cut-before-commit');

    await expect(AuditNote.create({ text: 'opened' })).rejects.toMatchObject({
      code: 'COMMIT_OUTCOME_UNKNOWN',
    });
    expect(await rig.count('AuditNote')).toBe(0);
  });
});

describe('the reply to COMMIT is lost (the server applied it)', () => {
  it('finishes a keyed create by reading it back, without writing it again', async () => {
    rig.proxy().failNextCommit('drop-commit-reply');

    const entry = await LedgerEntry.create({ ref: 2, amountCents: 500 });

    expect(rig.proxy().commitFaultPending).toBe(false);
    expect(await rig.count('LedgerEntry', 'n.ref = 2')).toBe(1);
    const stored = await LedgerEntry.nodes.get({ ref: 2 });
    expect(stored.elementId).toBe(entry.elementId);
  });

  it('raises CommitOutcomeUnknownError for a create without a key, and writes nothing twice', async () => {
    rig.proxy().failNextCommit('drop-commit-reply');

    const attempt = AuditNote.create({ text: 'unkeyed' });

    await expect(attempt).rejects.toBeInstanceOf(CommitOutcomeUnknownError);
    await expect(attempt).rejects.toMatchObject({ code: 'COMMIT_OUTCOME_UNKNOWN' });
    expect(await rig.count('AuditNote')).toBe(1);
  });

  it('raises CommitOutcomeUnknownError from writeTransaction instead of re-running the callback', async () => {
    rig.proxy().failNextCommit('drop-commit-reply');
    let runs = 0;

    const attempt = rig.graph().writeTransaction(async () => {
      runs += 1;
      await LedgerEntry.create({ ref: 3 });
    });

    await expect(attempt).rejects.toMatchObject({ code: 'COMMIT_OUTCOME_UNKNOWN' });
    expect(runs).toBe(1);
    expect(await rig.count('LedgerEntry', 'n.ref = 3')).toBe(1);
  });

  it('raises CommitOutcomeUnknownError from an explicit transaction commit', async () => {
    const tx = await rig.graph().beginTransaction();
    await tx.within(() => AuditNote.create({ text: 'explicit' }));
    rig.proxy().failNextCommit('drop-commit-reply');

    await expect(tx.commit()).rejects.toMatchObject({ code: 'COMMIT_OUTCOME_UNKNOWN' });
    expect(await rig.count('AuditNote')).toBe(1);
  });
});

describe('MERGE-by-key batch writes', () => {
  it('re-runs getOrCreate after a lost COMMIT reply: the nodes exist once', async () => {
    rig.proxy().failNextCommit('drop-commit-reply');

    const entries = await LedgerEntry.getOrCreate([{ ref: 10 }, { ref: 11 }], { key: ['ref'] });

    expect(rig.proxy().commitFaultPending).toBe(false);
    expect(entries.map((entry) => entry.ref)).toEqual([10, 11]);
    expect(await rig.count('LedgerEntry')).toBe(2);
  });
});

describe('createMany of a model with generated ids', () => {
  const payments = (n: number) => Array.from({ length: n }, (_, i) => ({ amountCents: 100 + i }));

  it('settles a lost COMMIT reply by reading the ids back: every row exists once', async () => {
    rig.proxy().failNextCommit('drop-commit-reply');

    const created = await Payment.createMany(payments(500), { batchSize: 100 });

    expect(rig.proxy().commitFaultPending).toBe(false);
    expect(await rig.count('Payment')).toBe(500);
    const stored = await Payment.nodes.get({ uid: created[42]!.uid });
    expect(stored.elementId).toBe(created[42]!.elementId);
  });

  it('runs the import again when the COMMIT never reached the server: every row exists once', async () => {
    rig.proxy().failNextCommit('cut-before-commit');

    await Payment.createMany(payments(500), { batchSize: 100 });

    expect(await rig.count('Payment')).toBe(500);
  });

  it('raises CommitOutcomeUnknownError for createMany of a model without a key', async () => {
    rig.proxy().failNextCommit('drop-commit-reply');

    await expect(AuditNote.createMany([{ text: 'a' }, { text: 'b' }])).rejects.toMatchObject({
      code: 'COMMIT_OUTCOME_UNKNOWN',
    });
    expect(await rig.count('AuditNote')).toBe(2);
  });
});

// With a constraint on the key, each batch is one auto-commit CREATE: a lost reply sends it again,
// the constraint refuses the copy, and the key lookup finds the first one's rows already stored.
describe('importMany with a constraint on its key', () => {
  const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ ref: i, amountCents: i }));

  it('settles a lost reply to a batch: every row exists once (that batch counts as skipped)', async () => {
    const summary = await LedgerEntry.importMany(entries(300), {
      batchSize: 100,
      // Armed after the first batch, so the fault meets the second batch's CREATE.
      onProgress: ({ batches }) => {
        if (batches === 1) rig.proxy().failNextAutoCommit('drop-commit-reply');
      },
    });

    expect(rig.proxy().autoCommitFaultPending).toBe(false);
    expect(summary).toEqual({ written: 200, skipped: 100, batches: 3 });
    expect(await rig.count('LedgerEntry')).toBe(300);
  });
});
