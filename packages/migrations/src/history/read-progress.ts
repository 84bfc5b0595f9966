import { type Graph, toPlain } from '@cartograph/core';
import { runCompiled } from '@cartograph/core/internal';
import { readProgressQuery } from './progress-queries';

/** One batched step of an unfinished migration run, as its progress node records it. */
export interface StepProgress {
  readonly version: string;
  readonly direction: 'up' | 'down';
  /** 1-based position among the migration's batched steps. */
  readonly step: number;
  readonly label: string;
  /** Rows whose batch committed. */
  readonly rows: number;
  readonly batchSize: number;
  /** The whole step finished (a later step, or the record write, was interrupted). */
  readonly done: boolean;
}

/** Progress left by runs that did not finish (finished runs remove theirs). */
export function readProgress(graph: Graph): Promise<StepProgress[]> {
  return runCompiled(graph, readProgressQuery(), 'READ', (record) => ({
    version: String(record.get('version')),
    direction: record.get('direction') === 'down' ? 'down' : 'up',
    step: Number(toPlain(record.get('step'))),
    label: String(record.get('label') ?? ''),
    rows: Number(toPlain(record.get('rows')) ?? 0),
    batchSize: Number(toPlain(record.get('batchSize')) ?? 1),
    done: record.get('done') === true,
  }));
}
