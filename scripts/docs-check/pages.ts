import * as fs from 'node:fs';
import * as path from 'node:path';

/** The checked pages: README.md, CONTRIBUTING.md, docs/*.md and the READMEs of packages and examples. */
export function markdownPages(root: string): string[] {
  const inFolder = (folder: string) =>
    fs.existsSync(path.join(root, folder))
      ? fs
          .readdirSync(path.join(root, folder))
          .filter((file) => file.endsWith('.md'))
          .map((file) => path.posix.join(folder, file))
      : [];
  const readmes = (folder: string) =>
    fs
      .readdirSync(path.join(root, folder))
      .map((name) => path.posix.join(folder, name, 'README.md'))
      .filter((file) => fs.existsSync(path.join(root, file)));
  return ['README.md', 'CONTRIBUTING.md', ...inFolder('docs'), ...readmes('packages'), ...readmes('examples')]
    .filter((file) => fs.existsSync(path.join(root, file)))
    .sort();
}
