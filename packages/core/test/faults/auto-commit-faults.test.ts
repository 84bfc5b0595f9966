import { CommitOutcomeUnknownError } from '../../src';
import { useFaultRig } from './fault-graph';
import { AuditNote, LedgerEntry } from './ledger-models';

// Reads outside a transaction, and connect / disconnect / save of one instance, are one auto-commit
// query: one round trip, no BEGIN or COMMIT. Once such a write is sent, a lost connection leaves
// its outcome unknown: a read is sent again, a write raises CommitOutcomeUnknownError.
const rig = useFaultRig();

const relationships = async () => {
  const rows = await rig.graph().cypher(
    'MATCH (:LedgerEntry)-[r:EXPLAINED_BY]->(:AuditNote) RETURN count(r) AS n',
    {},
    {
      mode: 'READ',
    },
  );
  return Number(rows[0]!.n);
};

describe('one round trip', () => {
  it('sends a point read as one auto-commit query, without BEGIN or COMMIT', async () => {
    await LedgerEntry.create({ ref: 1 });
    const { begins, commitsForwarded, autoCommits } = { ...rig.proxy().stats };

    const entry = await LedgerEntry.nodes.get({ ref: 1 });

    expect(entry.ref).toBe(1);
    expect(rig.proxy().stats).toMatchObject({ begins, commitsForwarded, autoCommits: autoCommits + 1 });
  });

  it('sends connect, disconnect and the save of a changed instance as one auto-commit query each', async () => {
    const entry = await LedgerEntry.create({ ref: 2 });
    const note = await AuditNote.create({ text: 'refund' });
    const { begins, commitsForwarded, autoCommits } = { ...rig.proxy().stats };

    await entry.explanation.connect(note);
    entry.amountCents = 700;
    await entry.save();
    await entry.explanation.disconnect(note);

    expect(rig.proxy().stats).toMatchObject({ begins, commitsForwarded, autoCommits: autoCommits + 3 });
  });

  it('sends relate by key as one auto-commit query', async () => {
    await LedgerEntry.create({ ref: 20 });
    await AuditNote.create({ text: 'rebate', code: 'N-20' });
    const { begins, commitsForwarded, autoCommits } = { ...rig.proxy().stats };

    await LedgerEntry.relate({ ref: 20 }, 'explanation', { code: 'N-20' });

    expect(rig.proxy().stats).toMatchObject({ begins, commitsForwarded, autoCommits: autoCommits + 1 });
    expect(await relationships()).toBe(1);
  });
});

describe('a read whose reply was lost', () => {
  it('is sent again: the caller gets its rows', async () => {
    await LedgerEntry.create({ ref: 3 });
    rig.proxy().failNextAutoCommit('drop-commit-reply');

    const entry = await LedgerEntry.nodes.get({ ref: 3 });

    expect(rig.proxy().autoCommitFaultPending).toBe(false);
    expect(entry.ref).toBe(3);
  });
});

describe('a single-statement write whose outcome was lost', () => {
  // As with a lost COMMIT reply: these writes address nodes by element id, which a deleted node can
  // hand on to a new one, so they are reported rather than sent again.
  it('raises CommitOutcomeUnknownError when the reply to connect was lost (the server applied it)', async () => {
    const entry = await LedgerEntry.create({ ref: 4 });
    const note = await AuditNote.create({ text: 'chargeback' });
    rig.proxy().failNextAutoCommit('drop-commit-reply');

    await expect(entry.explanation.connect(note)).rejects.toBeInstanceOf(CommitOutcomeUnknownError);

    expect(rig.proxy().autoCommitFaultPending).toBe(false);
    expect(await relationships()).toBe(1);
  });

  it('raises CommitOutcomeUnknownError when connect never reached the server, and wrote nothing', async () => {
    const entry = await LedgerEntry.create({ ref: 5 });
    const note = await AuditNote.create({ text: 'fee' });
    rig.proxy().failNextAutoCommit('cut-before-commit');

    await expect(entry.explanation.connect(note)).rejects.toMatchObject({ code: 'COMMIT_OUTCOME_UNKNOWN' });

    expect(await relationships()).toBe(0);
  });

  it('raises CommitOutcomeUnknownError when the reply to relate by key was lost (the server applied it)', async () => {
    await LedgerEntry.create({ ref: 21 });
    await AuditNote.create({ text: 'write-off', code: 'N-21' });
    rig.proxy().failNextAutoCommit('drop-commit-reply');

    await expect(LedgerEntry.relate({ ref: 21 }, 'explanation', { code: 'N-21' })).rejects.toBeInstanceOf(
      CommitOutcomeUnknownError,
    );

    expect(rig.proxy().autoCommitFaultPending).toBe(false);
    expect(await relationships()).toBe(1);
  });

  it('raises CommitOutcomeUnknownError when the reply to disconnect was lost', async () => {
    const entry = await LedgerEntry.create({ ref: 6 });
    const note = await AuditNote.create({ text: 'reversal' });
    await entry.explanation.connect(note);
    rig.proxy().failNextAutoCommit('drop-commit-reply');

    await expect(entry.explanation.disconnect(note)).rejects.toMatchObject({
      code: 'COMMIT_OUTCOME_UNKNOWN',
    });

    expect(await relationships()).toBe(0);
  });

  it('raises CommitOutcomeUnknownError when the reply to save was lost, and wrote the change once', async () => {
    const entry = await LedgerEntry.create({ ref: 7, amountCents: 100 });
    entry.amountCents = 250;
    rig.proxy().failNextAutoCommit('drop-commit-reply');

    await expect(entry.save()).rejects.toMatchObject({ code: 'COMMIT_OUTCOME_UNKNOWN' });

    expect(await rig.count('LedgerEntry', 'n.ref = 7 AND n.amountCents = 250')).toBe(1);
  });
});
