import { AbortedError, DeadlineExceededError } from '../../src';
import { Deadline } from '../../src/executor/deadline';

// A promise that never settles stands for a network path that went silent.
const silent = () => new Promise<never>(() => undefined);

describe('Deadline', () => {
  it('rejects a silent call with DeadlineExceededError and abandons it once', async () => {
    const abandon = jest.fn();

    await expect(Deadline.start({ timeoutMs: 20 }, 0).race(silent(), abandon)).rejects.toBeInstanceOf(
      DeadlineExceededError,
    );
    expect(abandon).toHaveBeenCalledTimes(1);
  });

  it('takes the default when the call names no timeoutMs', async () => {
    await expect(Deadline.start({}, 20).race(silent(), () => undefined)).rejects.toMatchObject({
      code: 'DEADLINE_EXCEEDED',
      timeoutMs: 20,
    });
  });

  it('rejects with AbortedError when the signal aborts, carrying the reason', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const race = Deadline.start({ signal: controller.signal }, 0).race(silent(), () => undefined);

    controller.abort(reason);

    await expect(race).rejects.toBeInstanceOf(AbortedError);
    await expect(race).rejects.toMatchObject({ code: 'ABORTED', cause: reason });
  });

  it('rejects at once when the signal was aborted before the call', async () => {
    const abandon = jest.fn();
    const deadline = Deadline.start({ signal: AbortSignal.abort() }, 0);

    await expect(deadline.race(silent(), abandon)).rejects.toMatchObject({ code: 'ABORTED' });
    expect(abandon).toHaveBeenCalledTimes(1);
  });

  it('passes a result through and never abandons a call that settles in time', async () => {
    const abandon = jest.fn();

    await expect(Deadline.start({ timeoutMs: 10_000 }, 0).race(Promise.resolve(42), abandon)).resolves.toBe(
      42,
    );
    expect(abandon).not.toHaveBeenCalled();
  });

  it('treats timeoutMs 0 as no deadline', () => {
    expect(Deadline.start({ timeoutMs: 0 }, 5_000).remainingMs()).toBeUndefined();
  });

  it('refuses a negative or non-finite timeoutMs', () => {
    expect(() => Deadline.start({ timeoutMs: -1 }, 0)).toThrow(RangeError);
    expect(() => Deadline.start({ timeoutMs: Number.POSITIVE_INFINITY }, 0)).toThrow(RangeError);
  });
});

describe('Deadline.watch', () => {
  it('calls back with DeadlineExceededError once the deadline passes', async () => {
    const failures: Error[] = [];
    Deadline.start({ timeoutMs: 20 }, 0).watch((failure) => failures.push(failure));

    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(DeadlineExceededError);
  });

  it('calls back with AbortedError when the signal aborts, carrying the reason', () => {
    const controller = new AbortController();
    const failures: Error[] = [];
    Deadline.start({ signal: controller.signal }, 0).watch((failure) => failures.push(failure));

    controller.abort(new Error('shutting down'));

    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'ABORTED', cause: new Error('shutting down') });
  });

  it('never calls back once stopped', async () => {
    const controller = new AbortController();
    const expire = jest.fn();
    const watch = Deadline.start({ timeoutMs: 20, signal: controller.signal }, 0).watch(expire);

    watch?.stop();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(expire).not.toHaveBeenCalled();
  });

  it('watches nothing for an unbounded call', () => {
    expect(Deadline.start({}, 0).watch(() => undefined)).toBeUndefined();
  });
});
