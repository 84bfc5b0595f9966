// The figures every benchmark result is summed up by: the median of its rounds and their spread.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Half the range of the values, relative to their median. */
export function spread(values: readonly number[]): number {
  return values.length < 2 ? 0 : (Math.max(...values) - Math.min(...values)) / 2 / median(values);
}

/** The spread as printed beside a median (` ±12%`); nothing for fewer than two values. */
export function spreadText(values: readonly number[]): string {
  return values.length < 2 ? '' : ` ±${(spread(values) * 100).toFixed(0)}%`;
}
