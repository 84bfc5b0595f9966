// Imports that scale: rows streamed batch by batch, each batch committed on its own, a failed
// import finished by running it again (rows already written are skipped by key).
import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Min } from 'class-validator';
import {
  Graph,
  ImportFailedError,
  IntegerProperty,
  MissingKeyError,
  Node,
  NodeEntity,
  StringProperty,
  ValidationError,
} from '../../src';
import { clearGraph, useTestGraph } from '../support/test-graph';

@Node()
class Account extends NodeEntity {
  @StringProperty({ unique: true, required: true }) iban!: string;
  @StringProperty() holder!: string;
  @IntegerProperty({ default: 0 }) @Min(0) balance!: number;
}

@Node()
class LedgerLine extends NodeEntity {
  @StringProperty() memo!: string;
}

const { graph, queries } = useTestGraph();

beforeAll(() => graph().installSchema());
beforeEach(() => clearGraph(graph()));

const iban = (i: number) => `NL${String(i).padStart(10, '0')}`;
const account = (i: number) => ({ iban: iban(i), holder: `Holder ${i}`, balance: i % 1000 });

async function* accounts(count: number, broken?: number) {
  for (let i = 0; i < count; i++) {
    // A source that reads a file or a socket: every row arrives on its own.
    await Promise.resolve();
    yield i === broken ? { ...account(i), balance: -5 } : account(i);
  }
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Collects until three rounds in a row free less than 1 MB. Jest runs the test files of a CI run one
 * after another in one process, and the modules of the files that ran before this one (24 to 39 MB
 * after five files) can outlive several full collections in a row (up to four, measured), to be
 * freed after an event loop turn. Freed during the import, they would read as growth when the first
 * sample still holds them, or hide growth when the baseline does.
 */
async function settleHeap(): Promise<void> {
  let lowest = Number.POSITIVE_INFINITY;
  for (let calm = 0; calm < 3; ) {
    await new Promise(setImmediate);
    collectGarbage();
    const heap = process.memoryUsage().heapUsed;
    calm = heap < lowest - 2 ** 20 ? 0 : calm + 1;
    lowest = Math.min(lowest, heap);
  }
}

async function count(cypher: string): Promise<number> {
  const { records } = await graph().driver.executeQuery(cypher);
  return records[0]!.get('n').toNumber();
}

describe('importMany', () => {
  it('streams 200k rows from an async source with client memory staying flat', async () => {
    // A connection without the test's query recorder, which would keep every batch's parameters.
    const quiet = await Graph.connect({
      url: process.env.NEO4J_URI!,
      auth: { username: process.env.NEO4J_USERNAME!, password: process.env.NEO4J_PASSWORD! },
      default: true,
    });
    try {
      await settleHeap();
      const before = { rss: 0, heap: 0 };
      const peak = { rss: 0, heap: 0 };
      const summary = await Account.importMany(accounts(200_000), {
        batchSize: 10_000,
        onProgress: ({ batches }) => {
          // Counted from the second batch: the first also pays for one-time work (code compiled, the
          // key chosen), and a sample taken before the baseline is no growth.
          if (batches < 2) return;
          // Live objects after a full collection: what the import holds, not what V8 has yet to free.
          collectGarbage();
          const { rss, heapUsed } = process.memoryUsage();
          if (batches === 2) Object.assign(before, { rss, heap: heapUsed });
          peak.rss = Math.max(peak.rss, rss);
          peak.heap = Math.max(peak.heap, heapUsed);
        },
      });

      expect(summary).toEqual({ written: 200_000, skipped: 0, batches: 20 });
      expect(await count('MATCH (a:Account) RETURN count(a) AS n')).toBe(200_000);
      // The two batches the import holds at a time are in the baseline already: the heap stays
      // within about 1 MB of it. Keeping every row read would add about 23 MB by the last batch,
      // keeping their prepared instances about 45 MB (measured with an importMany that kept them).
      // RSS also counts what the collector has not returned to the system yet.
      expect((peak.heap - before.heap) / 2 ** 20).toBeLessThan(10);
      expect((peak.rss - before.rss) / 2 ** 20).toBeLessThan(150);
    } finally {
      Graph.setDefault(graph());
      await quiet.close();
    }
  }, 180_000);

  it('reports progress after every committed batch', async () => {
    const progress: unknown[] = [];

    await Account.importMany(
      Array.from({ length: 25 }, (_, i) => account(i)),
      { batchSize: 10, onProgress: (p) => void progress.push(p) },
    );

    expect(progress).toEqual([
      { batches: 1, rows: 10, written: 10, skipped: 0 },
      { batches: 2, rows: 20, written: 20, skipped: 0 },
      { batches: 3, rows: 25, written: 25, skipped: 0 },
    ]);
  });

  it('keeps the batches before a failed one, and a second run finishes without duplicates', async () => {
    const error = await Account.importMany(accounts(30_000, 25_000), { batchSize: 10_000 }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ImportFailedError);
    const failure = error as ImportFailedError;
    expect(failure.summary).toEqual({ written: 20_000, skipped: 0, batches: 2, failedBatch: 3 });
    expect(failure.cause).toBeInstanceOf(ValidationError);
    expect((failure.cause as ValidationError).errors).toEqual([
      expect.objectContaining({ field: '[25000].balance' }),
    ]);
    expect(await count('MATCH (a:Account) RETURN count(a) AS n')).toBe(20_000);

    const rerun = await Account.importMany(accounts(30_000), { batchSize: 10_000 });

    expect(rerun).toEqual({ written: 10_000, skipped: 20_000, batches: 3 });
    expect(await count('MATCH (a:Account) RETURN count(DISTINCT a.iban) AS n')).toBe(30_000);
    expect(await count('MATCH (a:Account) RETURN count(a) AS n')).toBe(30_000);
  }, 120_000);

  it("writes every batch read before its source fails, then raises the source's error", async () => {
    async function* brokenFeed() {
      yield* accounts(25);
      throw new Error('feed disconnected');
    }

    const error = await Account.importMany(brokenFeed(), { batchSize: 10 }).catch((e: unknown) => e);

    expect((error as Error).message).toBe('feed disconnected');
    expect(await count('MATCH (a:Account) RETURN count(a) AS n')).toBe(20);
  });

  it('skips a key given twice in the input', async () => {
    const summary = await Account.importMany([account(1), account(2), { ...account(1), holder: 'Other' }]);

    expect(summary).toEqual({ written: 2, skipped: 1, batches: 1 });
    expect(await count("MATCH (a:Account {holder: 'Holder 1'}) RETURN count(a) AS n")).toBe(1);
  });

  it('skips rows whose key another application already stored', async () => {
    await graph().driver.executeQuery("CREATE (:Account {iban: $iban, holder: 'Imported elsewhere'})", {
      iban: iban(7),
    });

    const summary = await Account.importMany([account(6), account(7), account(8)]);

    expect(summary).toMatchObject({ written: 2, skipped: 1 });
    expect(await count("MATCH (a:Account {holder: 'Imported elsewhere'}) RETURN count(a) AS n")).toBe(1);
  });

  it('sends each batch as one CREATE when a constraint covers the key', async () => {
    queries.clear();

    await Account.importMany(
      Array.from({ length: 30 }, (_, i) => account(i)),
      { batchSize: 10 },
    );

    const writes = queries.events.filter((event) => event.mode === 'WRITE');
    expect(writes.map((event) => event.cypher.split(' ')[0])).toEqual(['UNWIND', 'UNWIND', 'UNWIND']);
    expect(writes.every((event) => event.cypher.includes('CREATE') && !event.cypher.includes('MATCH'))).toBe(
      true,
    );
  });

  it('looks the keys up first when no constraint covers them, and a re-run skips stored rows', async () => {
    await LedgerLine.importMany([{ memo: 'opening balance' }, { memo: 'interest' }], { key: ['memo'] });

    const rerun = await LedgerLine.importMany(
      [{ memo: 'opening balance' }, { memo: 'interest' }, { memo: 'fees' }],
      { key: ['memo'] },
    );

    expect(rerun).toEqual({ written: 1, skipped: 2, batches: 1 });
    expect(await count('MATCH (l:LedgerLine) RETURN count(l) AS n')).toBe(3);
  });

  it('names a row that lacks the key', async () => {
    const error = await Account.importMany([account(1), { holder: 'No iban' } as never], {
      key: ['iban'],
    }).catch((e: unknown) => e);

    expect(((error as ImportFailedError).cause as ValidationError).errors[0]!.field).toBe('[1].iban');
  });

  it('needs a key when the model has no unique property', async () => {
    const error = await LedgerLine.importMany([{ memo: 'opening balance' }]).catch((e: unknown) => e);

    expect((error as ImportFailedError).cause).toBeInstanceOf(MissingKeyError);
    expect(await LedgerLine.importMany([{ memo: 'a' }, { memo: 'b' }], { key: ['memo'] })).toMatchObject({
      written: 2,
    });
  });
});
