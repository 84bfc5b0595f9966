import { SingleBar } from 'cli-progress';
import type { Output } from './output';

/** A progress indicator for batched work; does nothing when there is no terminal to draw on. */
export interface Progress {
  /** Sets how far the work has got; `total` may change as the work learns its size. */
  update(done: number, total?: number, label?: string): void;
  /** Removes the bar (call it before printing results). */
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr, shown only on a terminal and never with `--json`: logs and CI output
 * stay free of carriage-return noise.
 */
export function startProgress(output: Output, title: string, total: number): Progress {
  const stream = output.progressStream;
  if (!stream || output.json) return SILENT;
  const bar = new SingleBar({
    stream,
    format: `${title} [{bar}] {value}/{total} {label}`,
    clearOnComplete: true,
    hideCursor: true,
    barsize: 24,
  });
  bar.start(total, 0, { label: '' });
  return {
    update(done, newTotal, label) {
      if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal);
      bar.update(done, { label: label ?? '' });
    },
    stop() {
      bar.stop();
    },
  };
}
