// The peer table (one row per workload, one column per system), the issue's target per row, and
// the entries of bench-results.json.

import { median, spreadText } from '../statistics';
import { textTable } from '../text-table';
import { type Cell, PEERS, rawOf, type WorkloadResult } from './runner';

const timed = (cell: Cell | undefined) =>
  cell?.status === 'ok' && cell.seconds.length > 0 ? cell : undefined;

/** Median seconds of a system on a workload, when it ran correctly. */
export function secondsOf(result: WorkloadResult, system: string): number | undefined {
  const cell = timed(result.cells.get(system));
  return cell && median(cell.seconds);
}

/** Peak memory of the timed runs above the process's memory before them, in MB (median). */
function memoryAbove(cell: Cell): number {
  return median(cell.peakRssMb.map((peak, i) => peak - cell.baseRssMb[i]!));
}

export interface Verdict {
  readonly ratioToRaw?: number;
  readonly ratioToBestPeer?: number;
  readonly target: string;
  readonly result: 'met' | 'MISSED' | '-';
}

export function verdict(result: WorkloadResult): Verdict {
  const { target } = result.workload;
  const parts = ['< every peer'];
  if (target.maxRatioToRaw) parts.push(`<= ${target.maxRatioToRaw}x raw`);
  if (target.maxMemoryMb) parts.push(`< +${target.maxMemoryMb} MB`);
  const text = parts.join(', ');
  const ours = secondsOf(result, 'cartograph');
  const raw = secondsOf(result, 'raw');
  const ratioToRaw = ours !== undefined && raw !== undefined ? ours / raw : undefined;
  // A peer that timed out is slower than any finished run; one that was WRONG or did not run is left out.
  const peers = PEERS.flatMap((peer) => {
    const cell = result.cells.get(peer);
    if (cell?.status === 'timeout') return [Number.POSITIVE_INFINITY];
    const seconds = secondsOf(result, peer);
    return seconds === undefined ? [] : [seconds];
  });
  const bestPeer = peers.length > 0 ? Math.min(...peers) : undefined;
  const ratioToBestPeer = ours !== undefined && bestPeer !== undefined ? ours / bestPeer : undefined;
  if (ours === undefined) return { ratioToRaw, ratioToBestPeer, target: text, result: '-' };
  const ourCell = result.cells.get('cartograph')!;
  const met =
    (ratioToBestPeer === undefined || ratioToBestPeer < 1) &&
    (!target.maxRatioToRaw || (ratioToRaw !== undefined && ratioToRaw <= target.maxRatioToRaw)) &&
    (!target.maxMemoryMb || memoryAbove(ourCell) < target.maxMemoryMb);
  return { ratioToRaw, ratioToBestPeer, target: text, result: met ? 'met' : 'MISSED' };
}

function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.status === 'timeout') return `timeout ${cell.note ?? ''}`.trim();
  if (cell.status !== 'ok' || cell.seconds.length === 0) return cell.status;
  const seconds = median(cell.seconds);
  return `${seconds >= 100 ? seconds.toFixed(0) : seconds.toFixed(2)}${spreadText(cell.seconds)}`;
}

const ratio = (value: number | undefined) =>
  value === undefined ? '-' : Number.isFinite(value) ? value.toFixed(2) : '0 (peer timed out)';

export function peerTable(results: readonly WorkloadResult[], systems: readonly string[]): string {
  const header = [
    'workload (median s of the rounds ± half range)',
    ...systems,
    'carto/raw',
    'carto/best peer',
    'target',
    'result',
  ];
  const rows = results.map((result) => {
    const v = verdict(result);
    const note = result.workload.target.maxMemoryMb ? memoryNote(result) : '';
    return [
      result.workload.name + note,
      ...systems.map((s) => cellText(result.cells.get(s))),
      ratio(v.ratioToRaw),
      ratio(v.ratioToBestPeer),
      v.target,
      v.result,
    ];
  });
  const problems = results.flatMap((result) =>
    [...result.cells.values()]
      .filter((cell) => cell.status !== 'ok' && cell.note)
      .map((cell) => `  ${result.workload.id} / ${cell.system}: ${cell.status}: ${cell.note}\n`),
  );
  return textTable(header, rows) + (problems.length > 0 ? `\nNot timed:\n${problems.join('')}` : '');
}

/** Median client CPU per item of a system's timed runs, in microseconds (see `ChildReport.cpuSeconds`). */
function cpuPerItem(result: WorkloadResult, system: string): number | undefined {
  const cell = timed(result.cells.get(system));
  const runs = cell?.cpuSeconds.filter((seconds) => !Number.isNaN(seconds)) ?? [];
  return runs.length > 0 ? (median(runs) * 1e6) / result.job.n : undefined;
}

/**
 * Client CPU per item, median of the rounds: on a machine whose server shares the cores, what the
 * client burns per call is taken from the server too.
 */
export function cpuTable(results: readonly WorkloadResult[], systems: readonly string[]): string {
  const header = ['client CPU per item (µs, median)', ...systems, 'carto/raw'];
  const rows = results.map((result) => {
    const ours = cpuPerItem(result, 'cartograph');
    const raw = cpuPerItem(result, 'raw');
    return [
      result.workload.name,
      ...systems.map((system) => cpuPerItem(result, system)?.toFixed(0) ?? '-'),
      ours !== undefined && raw !== undefined ? (ours / raw).toFixed(2) : '-',
    ];
  });
  return textTable(header, rows);
}

function memoryNote(result: WorkloadResult): string {
  const notes = [...result.cells.values()]
    .filter((cell) => timed(cell))
    .map((cell) => `${cell.system} +${memoryAbove(cell).toFixed(0)} MB`);
  return notes.length > 0 ? ` (client memory: ${notes.join(', ')})` : '';
}

/**
 * The results as their first passes measured them: a cold process, which has not run the workload
 * before (see `FirstPass`). Only workloads whose first pass had the timed pass's size take part.
 */
export function firstPassResults(results: readonly WorkloadResult[]): WorkloadResult[] {
  return results
    .filter((result) => result.job.firstPass.n === result.job.n)
    .map((result) => ({
      ...result,
      cells: new Map(
        [...result.cells].map(([system, cell]) => [
          system,
          { ...cell, seconds: cell.firstSeconds, cpuSeconds: cell.firstCpuSeconds },
        ]),
      ),
    }));
}

/** One entry of bench-results.json. */
export interface JsonEntry {
  readonly workload: string;
  readonly system: string;
  readonly seconds: number | null;
  readonly rowsPerSecond: number | null;
  readonly ratioToRaw: number | null;
  readonly peakRssMb: number | null;
  readonly status?: string;
  /** Per round, the median of its timed passes (`seconds` is their median). */
  readonly rounds?: readonly number[];
  /** Per round, the seconds of every timed pass (peer workloads). */
  readonly passes?: readonly (readonly number[])[];
  /** Client CPU per item in microseconds, median of the rounds (peer workloads). */
  readonly cpuMicrosPerItem?: number | null;
  /** Median seconds of the first passes, where they had the timed pass's size (peer workloads). */
  readonly firstPassSeconds?: number | null;
}

export function peerEntries(results: readonly WorkloadResult[]): JsonEntry[] {
  const cold = new Map(firstPassResults(results).map((result) => [result.workload, result]));
  return results.flatMap((result) =>
    [...result.cells.values()].map((cell) => {
      const seconds = secondsOf(result, cell.system) ?? null;
      const raw = secondsOf(result, rawOf(cell.system));
      return {
        workload: result.workload.name,
        system: cell.system,
        seconds,
        rowsPerSecond: seconds === null ? null : result.workload.expected(result.job).rows / seconds,
        ratioToRaw: seconds === null || raw === undefined ? null : seconds / raw,
        peakRssMb: timed(cell) ? median(cell.peakRssMb) : null,
        status: cell.status === 'ok' ? 'ok' : `${cell.status}${cell.note ? `: ${cell.note}` : ''}`,
        rounds: cell.seconds,
        passes: cell.passSeconds,
        cpuMicrosPerItem: cpuPerItem(result, cell.system) ?? null,
        firstPassSeconds: secondsOfCold(cold.get(result.workload), cell.system),
      };
    }),
  );
}

function secondsOfCold(cold: WorkloadResult | undefined, system: string): number | null {
  return cold ? (secondsOf(cold, system) ?? null) : null;
}
