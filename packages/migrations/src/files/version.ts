/**
 * Orders versions as numbers, so `9_x` sorts before `10_x` and leading zeros do not matter.
 * Versions are digit strings; comparing by length then text avoids BigInt and Number limits.
 */
export function compareVersions(a: string, b: string): number {
  const left = a.replace(/^0+(?=\d)/, '');
  const right = b.replace(/^0+(?=\d)/, '');
  if (left.length !== right.length) return left.length - right.length;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `YYYYMMDDHHmmss` in UTC: sortable, readable, and unique enough for files written by hand. */
export function timestampVersion(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  );
}

/**
 * The version for a new file: now, or one past the newest existing version when the clock is
 * behind it (two files created in the same second, or a teammate's clock ahead of ours).
 */
export function nextVersion(existing: readonly string[], now: Date = new Date()): string {
  let version = timestampVersion(now);
  const newest = [...existing].sort(compareVersions).at(-1);
  if (newest !== undefined && compareVersions(version, newest) <= 0)
    version = (BigInt(newest) + 1n).toString();
  return version;
}
