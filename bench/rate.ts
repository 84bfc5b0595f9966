/**
 * Calls of `work` per second: a warm-up of 20k calls, then the best of three 700 ms windows (the
 * best, not the mean, because other processes on a shared machine only ever slow a window down).
 */
export function callsPerSecond(work: () => unknown): number {
  for (let n = 0; n < 20_000; n++) work();
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let done = 0;
    while (performance.now() - started < 700) {
      for (let n = 0; n < 1_000; n++) work();
      done += 1_000;
    }
    best = Math.max(best, done / ((performance.now() - started) / 1000));
  }
  return best;
}
