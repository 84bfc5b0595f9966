import type { MigrationFile } from '../src';
import type { MigrationRecord } from '../src/history/migration-record';
import { chainOrder } from '../src/history/read-history';
import type { StepProgress } from '../src/history/read-progress';
import { planDown, planUp } from '../src/run/plan-run';
import { computeStatus } from '../src/status/compute-status';
import { problemsOf } from '../src/status/problems';

const file = (version: string, name: string, extra: Partial<MigrationFile> = {}): MigrationFile => ({
  version,
  name,
  kind: 'cypher',
  path: `/m/${version}_${name}.cypher`,
  checksum: `sum-${version}`,
  hasDown: true,
  ...extra,
});

const record = (version: string, name: string, extra: Partial<MigrationRecord> = {}): MigrationRecord => ({
  version,
  name,
  kind: 'cypher',
  checksum: `sum-${version}`,
  state: 'applied',
  appliedAt: new Date(Number(version) * 1000),
  durationMs: 5,
  appliedBy: 'ci@build',
  error: undefined,
  ...extra,
});

const step = (version: string, extra: Partial<StepProgress> = {}): StepProgress => ({
  version,
  direction: 'up',
  step: 1,
  label: `batch ${version}_backfill`,
  rows: 0,
  batchSize: 9000,
  done: false,
  ...extra,
});

describe('computeStatus with the progress of interrupted runs', () => {
  it('calls a pending migration with committed batches partially applied, and says how far it got', () => {
    const [status] = computeStatus([file('7', 'backfill')], [], [step('7', { rows: 54_000 })]);

    expect(status).toMatchObject({ state: 'partial', progress: { rows: 54_000, batches: 6 } });
    expect(status!.progress!.summary).toBe('partially applied: 54000 rows in 6 committed batches');
    expect(problemsOf([status!])).toEqual([
      expect.stringMatching(
        /^7_backfill was interrupted: partially applied: 54000 rows in 6 committed batches\./,
      ),
    ]);
  });

  it('counts every step of the interrupted run and how many of them finished', () => {
    const steps = [
      step('7', { step: 1, rows: 20_000, batchSize: 5000, done: true }),
      step('7', { step: 2, rows: 1000, batchSize: 500 }),
    ];

    const [status] = computeStatus([file('7', 'backfill')], [], steps);

    expect(status!.progress!.summary).toBe(
      'partially applied: 21000 rows in 6 committed batches (1 of the 2 batched step(s) it reached finished)',
    );
  });

  it('keeps a migration killed before its first batch committed pending', () => {
    expect(computeStatus([file('7', 'backfill')], [], [step('7')])[0]!.state).toBe('pending');
  });

  it('keeps a failed migration failed, with the batches it committed', () => {
    const failed = record('7', 'backfill', { state: 'failed', error: '/ by zero' });

    const [status] = computeStatus(
      [file('7', 'backfill')],
      [failed],
      [step('7', { rows: 2000, batchSize: 500 })],
    );

    expect(status).toMatchObject({ state: 'failed', progress: { rows: 2000, batches: 4 } });
    expect(problemsOf([status!])[0]).toContain('It is partially applied: 2000 rows in 4 committed batches.');
  });
});

describe('computeStatus', () => {
  it('merges files and records into every state', () => {
    const files = [
      file('1', 'accounts'),
      file('2', 'merchants'),
      file('3', 'risk'),
      file('5', 'alerts'),
      file('6', 'base'),
    ];
    const records = [
      record('1', 'accounts'),
      record('2', 'merchants', { checksum: 'old' }),
      record('4', 'devices'),
      record('5', 'alerts', { state: 'failed', error: 'boom' }),
      record('6', 'base', { state: 'baseline' }),
      record('7', 'baseline', { state: 'baseline', kind: 'baseline', checksum: undefined }),
    ];
    const statuses = computeStatus(files, records);
    expect(statuses.map((status) => [status.version, status.state])).toEqual([
      ['1', 'applied'],
      ['2', 'modified'],
      ['3', 'pending'],
      ['4', 'missing'],
      ['5', 'failed'],
      ['6', 'baseline'],
      ['7', 'baseline'],
    ]);
    expect(statuses[1]).toMatchObject({
      checksum: 'old',
      fileChecksum: 'sum-2',
      appliedBy: 'ci@build',
      durationMs: 5,
    });
    expect(statuses[4]).toMatchObject({ error: 'boom' });

    const problems = problemsOf(statuses);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^2_merchants was changed after it was applied.*run repair/);
    expect(problems[1]).toMatch(
      /^4_devices is applied in the database but its file is missing: the database is ahead of the code/,
    );
    expect(problems[2]).toMatch(/^5_alerts failed: boom/);
    expect(problemsOf(statuses, { allowPending: false })).toHaveLength(4);
  });
});

describe('planUp', () => {
  it('applies pending and failed migrations in version order, up to `to`', () => {
    const files = [file('1', 'a'), file('2', 'b'), file('3', 'c'), file('10', 'd')];
    const records = [record('1', 'a'), record('2', 'b', { state: 'failed' })];
    expect(planUp(files, records).map((f) => f.version)).toEqual(['2', '3', '10']);
    expect(planUp(files, records, { to: '3' }).map((f) => f.version)).toEqual(['2', '3']);
  });

  it('refuses pending files older than the newest applied one unless outOfOrder', () => {
    const files = [file('1', 'a'), file('2', 'b'), file('3', 'c')];
    const records = [record('1', 'a'), record('3', 'c')];
    expect(() => planUp(files, records)).toThrow(
      expect.objectContaining({ code: 'MIGRATION_OUT_OF_ORDER', message: expect.stringContaining('2_b') }),
    );
    expect(planUp(files, records, { outOfOrder: true }).map((f) => f.version)).toEqual(['2']);
    // A migration its precondition skipped may stay pending while later ones run.
    const conditional = [file('1', 'a'), file('2', 'b', { conditional: true }), file('3', 'c')];
    expect(planUp(conditional, records).map((f) => f.version)).toEqual(['2']);
  });

  it('refuses to run over an edited applied migration', () => {
    expect(() => planUp([file('1', 'a')], [record('1', 'a', { checksum: 'x' })])).toThrow(
      expect.objectContaining({ code: 'MIGRATION_CHECKSUM_MISMATCH' }),
    );
    expect(() => planUp([], [], { to: 'latest' })).toThrow(
      expect.objectContaining({ code: 'MIGRATION_INVALID_ARGUMENT' }),
    );
  });
});

describe('planDown', () => {
  const files = [file('1', 'a'), file('2', 'b'), file('3', 'c', { kind: 'ts', hasDown: false })];

  it('reverts newest applied first, by steps or down to a version', () => {
    const records = [record('1', 'a'), record('2', 'b'), record('9', 'x', { state: 'failed' })];
    expect(planDown(files, records).map((step) => step.file.version)).toEqual(['2']);
    expect(planDown(files, records, { steps: 5 }).map((step) => step.file.version)).toEqual(['2', '1']);
    expect(planDown(files, records, { to: '1' }).map((step) => step.file.version)).toEqual(['2']);
    expect(planDown(files, records, { to: '0' }).map((step) => step.file.version)).toEqual(['2', '1']);
    expect(() => planDown(files, records, { to: '123' })).toThrow(
      expect.objectContaining({
        code: 'MIGRATION_INVALID_ARGUMENT',
        message: expect.stringMatching(/No migration 123/),
      }),
    );
  });

  it('reverts a migration that failed half-way first, not the one applied before it', () => {
    const records = [record('1', 'a'), record('2', 'b', { state: 'failed' })];
    expect(planDown(files, records).map((step) => step.file.version)).toEqual(['2']);
    expect(planDown(files, records, { steps: 2 }).map((step) => step.file.version)).toEqual(['2', '1']);
  });

  it('refuses an empty .down.cypher unless allowEmptyDown', () => {
    const empty = [file('1', 'a', { emptyDown: true })];
    expect(() => planDown(empty, [record('1', 'a')])).toThrow(
      expect.objectContaining({ code: 'MIGRATION_EMPTY_DOWN' }),
    );
    expect(planDown(empty, [record('1', 'a')], { allowEmptyDown: true })).toHaveLength(1);
  });

  it('checks every migration before anything runs', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { code: string }).code;
      }
      return 'none';
    };
    expect(code(() => planDown([file('1', 'a', { hasDown: false })], [record('1', 'a')]))).toBe(
      'MIGRATION_NO_DOWN',
    );
    expect(code(() => planDown([], [record('1', 'a')]))).toBe('MIGRATION_MISSING_FILE');
    expect(code(() => planDown(files, [record('1', 'a', { state: 'baseline' })]))).toBe(
      'MIGRATION_BELOW_BASELINE',
    );
    expect(code(() => planDown(files, [record('1', 'a', { checksum: 'y' })]))).toBe(
      'MIGRATION_CHECKSUM_MISMATCH',
    );
    expect(code(() => planDown(files, [], { steps: 1, to: '1' }))).toBe('MIGRATION_INVALID_ARGUMENT');
    // A .ts migration's down() is checked when its module is loaded, not from the static scan.
    expect(code(() => planDown(files, [record('3', 'c', { kind: 'ts' })]))).toBe('none');
  });
});

describe('chainOrder', () => {
  it('follows __NEXT links from the head, then appends strays by time', () => {
    const rows = [
      { record: record('20', 'late-but-applied-second'), previous: '1' },
      { record: record('1', 'first'), previous: null },
      { record: record('5', 'third'), previous: '20' },
      { record: record('3', 'stray'), previous: 'gone' },
    ];
    expect(chainOrder(rows).map((entry) => entry.version)).toEqual(['1', '20', '5', '3']);
  });
});
