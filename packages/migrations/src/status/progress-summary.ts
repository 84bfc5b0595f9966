import type { StepProgress } from '../history/read-progress';
import type { MigrationProgress } from '../types';

/**
 * Sums one migration's step progress into what status shows, e.g. `partially applied: 54000 rows
 * in 6 committed batches`. Batches are counted per step as rows / batch size rounded up: every
 * batch but a step's last is full, and an interrupted step's committed batches all are.
 */
export function summariseProgress(steps: readonly StepProgress[]): MigrationProgress | undefined {
  if (steps.length === 0) return undefined;
  const ordered = [...steps].sort((a, b) => a.step - b.step);
  const direction = ordered.some((step) => step.direction === 'up') ? 'up' : 'down';
  const mine = ordered.filter((step) => step.direction === direction);
  const rows = mine.reduce((sum, step) => sum + step.rows, 0);
  const batches = mine.reduce((sum, step) => sum + Math.ceil(step.rows / Math.max(1, step.batchSize)), 0);
  const finished = mine.filter((step) => step.done).length;
  const verb = direction === 'up' ? 'partially applied' : 'partially reverted';
  const stepsNote =
    mine.length > 1 || finished > 0
      ? ` (${finished} of the ${mine.length} batched step(s) it reached finished)`
      : '';
  return {
    direction,
    rows,
    batches,
    steps: mine.map(({ step, label, rows, done }) => ({ step, label, rows, done })),
    summary: `${verb}: ${rows} rows in ${batches} committed batch${batches === 1 ? '' : 'es'}${stepsNote}`,
  };
}
