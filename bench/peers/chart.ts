// `--chart`: a small hand-written SVG of the peer table. One panel per workload, one bar per system,
// scaled to the slowest finished system of that workload (workloads differ by orders of magnitude).
import { secondsOf } from './report';
import type { WorkloadResult } from './runner';

const COLORS: Record<string, string> = {
  raw: '#9e9e9e',
  cartograph: '#1565c0',
  neogma: '#ef6c00',
  neode: '#6a1b9a',
  neomodel: '#2e7d32',
  'raw-py': '#616161',
};
const WIDTH = 760;
const LABEL = 110;
const BAR = 16;
const GAP = 4;
const TITLE = 26;
const PANEL_GAP = 14;

const xml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function peerChart(
  results: readonly WorkloadResult[],
  systems: readonly string[],
  caption: string,
): string {
  const parts: string[] = [];
  let y = 40;
  const barSpace = WIDTH - LABEL - 120;
  for (const result of results) {
    const present = systems.filter((s) => result.cells.has(s));
    const finished = present.map((s) => secondsOf(result, s) ?? 0);
    const max = Math.max(...finished, 1e-9);
    parts.push(`<text x="10" y="${y + 16}" class="title">${xml(result.workload.name)}</text>`);
    y += TITLE;
    for (const system of present) {
      const seconds = secondsOf(result, system);
      const cell = result.cells.get(system)!;
      parts.push(
        `<text x="${LABEL - 8}" y="${y + 12}" class="label" text-anchor="end">${xml(system)}</text>`,
      );
      if (seconds === undefined) {
        const text = cell.status === 'timeout' ? `timeout ${cell.note ?? ''}` : cell.status;
        parts.push(`<text x="${LABEL}" y="${y + 12}" class="missing">${xml(text)}</text>`);
      } else {
        const length = Math.max(1, (seconds / max) * barSpace);
        parts.push(
          `<rect x="${LABEL}" y="${y}" width="${length.toFixed(1)}" height="${BAR}" fill="${COLORS[system] ?? '#455a64'}"/>`,
          `<text x="${(LABEL + length + 6).toFixed(1)}" y="${y + 12}" class="value">${seconds < 100 ? seconds.toFixed(2) : seconds.toFixed(0)} s</text>`,
        );
      }
      y += BAR + GAP;
    }
    y += PANEL_GAP;
  }
  const height = y + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">
<title>${xml(caption)}</title>
<style>.title{font-size:14px;font-weight:bold}.label,.value{font-size:12px}.missing{font-size:12px;fill:#b71c1c}.caption{font-size:12px;fill:#555}</style>
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="22" class="caption">${xml(caption)}</text>
${parts.join('\n')}
</svg>
`;
}
