import { AbortedError, DeadlineExceededError } from '../errors';

/** Per-call bounds every operation that reaches Neo4j accepts. */
export interface CallOptions {
  /**
   * Deadline of the whole call in milliseconds, enforced on the client (and sent to the server as
   * the transaction timeout); overrides the graph's `defaultTimeoutMs`; `0` means no deadline.
   */
  readonly timeoutMs?: number;
  /** Cancels the call: it rejects with `AbortedError` and the server rolls back what had not committed. */
  readonly signal?: AbortSignal;
}

/**
 * The point in time a call must finish by, plus its abort signal. One is made per call (a
 * transaction's deadline covers every query and every retry inside it).
 */
export class Deadline {
  /** The deadline of a call without one (no timeout, no signal). */
  static readonly none = new Deadline(0, undefined);

  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** Whether the call named its own `timeoutMs` (rather than taking the graph's default). */
  readonly ownTimeout: boolean;
  readonly #expiresAt: number;

  private constructor(timeoutMs: number, signal: AbortSignal | undefined, ownTimeout = false) {
    this.timeoutMs = timeoutMs;
    this.signal = signal;
    this.ownTimeout = ownTimeout;
    this.#expiresAt = timeoutMs > 0 ? performance.now() + timeoutMs : Number.POSITIVE_INFINITY;
  }

  /** Starts the deadline of a call now: its own `timeoutMs`, else `defaultTimeoutMs`. */
  static start(options: CallOptions, defaultTimeoutMs: number): Deadline {
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
      throw new RangeError(`timeoutMs must be a finite number of milliseconds >= 0, got ${timeoutMs}`);
    }
    if (timeoutMs === 0 && !options.signal) return Deadline.none;
    return new Deadline(timeoutMs, options.signal, options.timeoutMs !== undefined);
  }

  /** Milliseconds left, or undefined when unbounded. */
  remainingMs(): number | undefined {
    return this.timeoutMs > 0 ? Math.max(0, this.#expiresAt - performance.now()) : undefined;
  }

  /** Throws the error of an expired or aborted deadline; does nothing otherwise. */
  check(): void {
    const failure = this.#failure();
    if (failure) throw failure;
  }

  /**
   * Settles like `work`, unless the deadline expires or the signal aborts first: then `abandon` is
   * called (to close the connection, so the server rolls back) and the call rejects with
   * DeadlineExceededError / AbortedError. `work` is left to fail on its own afterwards.
   */
  race<T>(work: Promise<T>, abandon: () => void): Promise<T> {
    const remaining = this.remainingMs();
    if (remaining === undefined && !this.signal) return work;
    const early = this.#failure();
    if (early) {
      work.catch(() => undefined);
      abandon();
      return Promise.reject(early);
    }
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const stop = (failure: Error) => {
        if (settled) return;
        settled = true;
        cleanup();
        work.catch(() => undefined);
        abandon();
        reject(failure);
      };
      const onAbort = () => stop(new AbortedError({ cause: this.signal?.reason }));
      const timer =
        remaining === undefined
          ? undefined
          : setTimeout(() => stop(new DeadlineExceededError(this.timeoutMs)), remaining);
      this.signal?.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => {
        if (timer) clearTimeout(timer);
        this.signal?.removeEventListener('abort', onAbort);
      };
      work.then(
        (value) => {
          if (settled) return;
          settled = true;
          cleanup();
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          cleanup();
          reject(error);
        },
      );
    });
  }

  /**
   * Calls `expire` once with the deadline's error if the deadline expires, or the signal aborts,
   * before the returned watch is stopped: for work that reports through callbacks (a driver
   * result's observer), which {@link race} would wrap in a second promise and a timer per call.
   * Undefined when the call is unbounded. An already expired deadline is the caller's to check first.
   */
  watch(expire: (failure: Error) => void): DeadlineWatch | undefined {
    const remaining = this.remainingMs();
    if (remaining === undefined && !this.signal) return undefined;
    return new DeadlineWatch(this, remaining, expire);
  }

  #failure(): Error | undefined {
    if (this.signal?.aborted) return new AbortedError({ cause: this.signal.reason });
    if (this.timeoutMs > 0 && performance.now() >= this.#expiresAt)
      return new DeadlineExceededError(this.timeoutMs);
    return undefined;
  }
}

/**
 * A running {@link Deadline.watch}: one timer and, with a signal, one abort listener (the watch
 * itself, so that no closure is made per call), both removed by `stop()`.
 */
export class DeadlineWatch {
  readonly #deadline: Deadline;
  readonly #expire: (failure: Error) => void;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(deadline: Deadline, remaining: number | undefined, expire: (failure: Error) => void) {
    this.#deadline = deadline;
    this.#expire = expire;
    this.#timer = remaining === undefined ? undefined : setTimeout(DeadlineWatch.#onTimer, remaining, this);
    deadline.signal?.addEventListener('abort', this, { once: true });
  }

  /** Ends the watch; `expire` is not called after this. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#deadline.signal?.removeEventListener('abort', this);
  }

  /** The abort listener (EventListener object form). */
  handleEvent(): void {
    this.#fire(new AbortedError({ cause: this.#deadline.signal?.reason }));
  }

  static #onTimer(watch: DeadlineWatch): void {
    watch.#fire(new DeadlineExceededError(watch.#deadline.timeoutMs));
  }

  #fire(failure: Error): void {
    if (this.#stopped) return;
    this.stop();
    this.#expire(failure);
  }
}
