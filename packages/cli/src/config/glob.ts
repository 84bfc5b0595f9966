import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';

/** Whether `pattern` has glob syntax (`*`, `?`, `{a,b}`, `[...]`). */
export function isGlob(pattern: string): boolean {
  return /[*?{[]/.test(pattern);
}

/**
 * Files under `rootDir` matching `pattern` (`*` within a segment, `**` across segments, `?`,
 * `{a,b}`), sorted so that models load in a stable order. `node_modules` and dot folders are
 * skipped. Node 20 has no fs.glob, and a dependency for this little is not worth it.
 */
export function glob(pattern: string, rootDir: string): string[] {
  const absolute = path.resolve(rootDir, pattern).split(path.sep).join('/');
  const segments = absolute.split('/');
  const firstMagic = segments.findIndex(isGlob);
  const base = segments.slice(0, firstMagic).join('/') || '/';
  const matcher = globToRegExp(absolute);
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a folder that vanished or cannot be read matches nothing
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = `${dir === '/' ? '' : dir}/${entry.name}`;
      if (entry.isDirectory()) walk(full);
      else if (matcher.test(full)) found.push(path.normalize(full));
    }
  };
  walk(base);
  return found.sort();
}

/** Translates a glob into an anchored regular expression over `/`-separated paths. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const end = pattern.indexOf('}', i);
      if (end === -1) source += '\\{';
      else {
        source += `(?:${pattern
          .slice(i + 1, end)
          .split(',')
          .map((alt) => alt.replace(/[.+^$()|[\]\\]/g, '\\$&'))
          .join('|')})`;
        i = end;
      }
    } else source += char.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
