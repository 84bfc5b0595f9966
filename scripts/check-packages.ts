// `pnpm check:packages`: packs every publishable package (as `pnpm publish` would) and checks each
// tarball: the files it must ship, no `workspace:` ranges left, source maps that carry their
// sources, then publint (--strict) and Are The Types Wrong (attw, every resolution mode).
// Needs `pnpm build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PackedPackage, packWorkspace } from '../packages/testing/src/pack/install-packed';

const ALWAYS = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist/index.js',
  'dist/index.mjs',
  'dist/index.d.ts',
  'dist/index.d.mts',
];
const EXTRA: Record<string, string[]> = {
  '@cartograph/testing': ['neo4j/pom.xml', 'neo4j/Launcher.java'],
  '@cartograph/cli': ['bin/cartograph.js', 'dist/main.js'],
};

function tar(args: string[]): string {
  return execFileSync('tar', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function checkContents(pkg: PackedPackage): string[] {
  const problems: string[] = [];
  const files = new Set(
    tar(['-tzf', pkg.tarball])
      .split('\n')
      .filter(Boolean)
      .map((file) => file.replace(/^package\//, '')),
  );
  for (const file of [...ALWAYS, ...(EXTRA[pkg.name] ?? [])]) {
    if (!files.has(file)) problems.push(`missing ${file}`);
  }
  const manifest = tar(['-xzOf', pkg.tarball, 'package/package.json']);
  if (manifest.includes('workspace:')) problems.push('package.json still has workspace: ranges');
  for (const file of files) {
    if (!file.endsWith('.map')) continue;
    const map = JSON.parse(tar(['-xzOf', pkg.tarball, `package/${file}`])) as {
      sources: string[];
      sourcesContent?: (string | null)[];
    };
    map.sources.forEach((source, i) => {
      if (typeof map.sourcesContent?.[i] === 'string') return;
      const shipped = join(file, '..', source);
      if (!files.has(shipped))
        problems.push(`${file} points at ${source}, which is not shipped and not inlined`);
    });
  }
  return problems;
}

function tool(command: string, args: string[]): string | undefined {
  try {
    execFileSync('pnpm', ['exec', command, ...args], { encoding: 'utf8', stdio: 'pipe' });
    return undefined;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${command} failed:\n${stdout}${stderr}`;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'cartograph-check-packages-'));
  let failed = false;
  try {
    for (const pkg of await packWorkspace(dir)) {
      const problems = checkContents(pkg);
      const publint = tool('publint', ['run', pkg.tarball, '--strict']);
      if (publint) problems.push(publint);
      const attw = tool('attw', [pkg.tarball, '--format', 'ascii', '--no-color', '--no-emoji']);
      if (attw) problems.push(attw);
      if (problems.length > 0) failed = true;
      console.log(
        problems.length === 0
          ? `ok   ${pkg.name}@${pkg.version}`
          : `FAIL ${pkg.name}@${pkg.version}\n  ${problems.join('\n  ')}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `check:packages ${failed ? 'failed' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  if (failed) process.exitCode = 1;
}

void main();
