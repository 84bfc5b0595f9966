import type { Outcome } from './protocol';

/**
 * Runs `query` for items 0..n-1, one after another as an application serving requests would:
 * `rows` adds up what the queries returned, `lines` keeps one checksum line per query.
 */
export async function oneByOne(
  n: number,
  query: (j: number) => Promise<{ rows: number; line: string }>,
): Promise<Outcome> {
  const lines: string[] = [];
  let rows = 0;
  for (let j = 0; j < n; j++) {
    const result = await query(j);
    rows += result.rows;
    lines.push(result.line);
  }
  return { rows, lines };
}
