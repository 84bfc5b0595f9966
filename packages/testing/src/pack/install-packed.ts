// Packs every publishable workspace package the way it would be published (`pnpm pack`, which
// also turns `workspace:^` into real ranges) and installs the tarballs into a scratch project
// outside the workspace, so that tests see exactly what a user of the published packages sees.
//
// Repository tooling, not part of @cartograph/testing's public API (not exported from its index).
// Used by `scripts/check-packages.ts` (publint + attw) and packages/testing/test/packed/.
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

/** One packed workspace package. */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** The package's folder in the workspace. */
  readonly dir: string;
  /** Absolute path of the `.tgz`. */
  readonly tarball: string;
}

/** What a child process did. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A scratch project with the packed tarballs (and their peers) installed by npm. */
export interface PackedProject {
  /** The project's folder (in the OS temp dir, outside the workspace). */
  readonly dir: string;
  readonly packages: readonly PackedPackage[];
  /** Runs `command args...` in the project (or in `cwd` relative to it); never rejects on exit codes. */
  run(command: string, args: readonly string[], options?: RunOptions): Promise<CommandResult>;
  /** Writes `content` to `file` (relative to the project), creating folders. */
  write(file: string, content: string): string;
  /** Removes the project (kept when CARTOGRAPH_KEEP_PACKED=1, for debugging). */
  dispose(): void;
}

export interface RunOptions {
  /** Folder relative to the project. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds; default 120000. */
  timeoutMs?: number;
}

export interface InstallPackedOptions {
  /**
   * Extra dependencies of the scratch project (name -> range). By default the peers every user
   * installs (`neo4j-driver`, `class-validator`, `reflect-metadata`) plus `typescript` and
   * `@types/node`, at the ranges the workspace itself uses.
   */
  dependencies?: Record<string, string>;
  /** Packages already packed by {@link packWorkspace}; packed afresh when omitted. */
  packages?: readonly PackedPackage[];
  /** Progress lines; default none. */
  log?: (line: string) => void;
  /** Milliseconds for `npm install`; default 300000. */
  installTimeoutMs?: number;
}

/** The folder holding pnpm-workspace.yaml, found upwards from this file. */
export function workspaceRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** Runs a command without a shell; resolves with its exit code and output. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      command,
      [...args],
      {
        cwd: options.cwd,
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${command} ${args.join(' ')} did not run: ${error.message}\n${stdout}${stderr}`));
          return;
        }
        resolvePromise({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

async function mustRun(command: string, args: readonly string[], cwd: string, timeoutMs?: number) {
  const result = await runCommand(command, args, { cwd, timeoutMs });
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) exited ${result.code}\n${result.stdout}${result.stderr}`,
    );
  }
  return result;
}

/** `pnpm`, or `npx --yes pnpm@9` when pnpm is not on the PATH (scripts/ensure-pnpm.sh's fallback). */
function pnpmCommand(): [string, string[]] {
  try {
    execFileSync('pnpm', ['--version'], { stdio: 'ignore' });
    return ['pnpm', []];
  } catch {
    return ['npx', ['--yes', 'pnpm@9']];
  }
}

/** The publishable (non-private) packages under packages/, in folder order. */
export function publishablePackages(): { name: string; version: string; dir: string }[] {
  const packagesDir = join(workspaceRoot(), 'packages');
  return readdirSync(packagesDir)
    .sort()
    .map((folder) => join(packagesDir, folder))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({
      name: manifest.name as string,
      version: manifest.version as string,
      dir,
    }));
}

/**
 * `pnpm pack` for every publishable package into `outDir` (a new temp folder by default). The
 * packages must be built (`pnpm build`) first.
 */
export async function packWorkspace(outDir?: string): Promise<PackedPackage[]> {
  const destination = outDir ?? mkdtempSync(join(tmpdir(), 'cartograph-tarballs-'));
  mkdirSync(destination, { recursive: true });
  const packed: PackedPackage[] = [];
  const [pnpm, pnpmArgs] = pnpmCommand();
  for (const pkg of publishablePackages()) {
    if (!existsSync(join(pkg.dir, 'dist', 'index.js'))) {
      throw new Error(
        `${pkg.name} is not built (${join(pkg.dir, 'dist')} is missing): run \`pnpm build\` first`,
      );
    }
    await mustRun(pnpm, [...pnpmArgs, 'pack', '--pack-destination', destination], pkg.dir);
    const tarball = join(destination, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
    if (!existsSync(tarball)) throw new Error(`pnpm pack did not write ${tarball}`);
    packed.push({ ...pkg, tarball });
  }
  return packed;
}

function workspaceRange(name: string): string {
  const root = JSON.parse(readFileSync(join(workspaceRoot(), 'package.json'), 'utf8'));
  const range = root.devDependencies?.[name] ?? root.dependencies?.[name];
  if (typeof range !== 'string') throw new Error(`The workspace root does not depend on ${name}`);
  return range;
}

/**
 * Packs the workspace (unless `packages` are given), creates a scratch npm project in the OS temp
 * folder, and `npm install`s the tarballs plus peers into it. Slow (tens of seconds to minutes):
 * call it once per test file and share the result.
 */
export async function installPacked(options: InstallPackedOptions = {}): Promise<PackedProject> {
  const log = options.log ?? (() => {});
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cartograph-packed-')));
  const root = workspaceRoot();
  if (!relative(root, dir).startsWith('..'))
    throw new Error(`Scratch project ${dir} is inside the workspace`);

  log('packing the workspace packages ...');
  const packages = options.packages ?? (await packWorkspace(join(dir, 'tarballs')));
  const dependencies: Record<string, string> = {};
  for (const pkg of packages) dependencies[pkg.name] = `file:${relative(dir, pkg.tarball)}`;
  const extra = options.dependencies ?? {
    'neo4j-driver': workspaceRange('neo4j-driver'),
    'class-validator': workspaceRange('class-validator'),
    'reflect-metadata': workspaceRange('reflect-metadata'),
    typescript: workspaceRange('typescript'),
    '@types/node': workspaceRange('@types/node'),
  };
  Object.assign(dependencies, extra);
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'cartograph-packed-app', version: '0.0.0', private: true, dependencies }, null, 2)}\n`,
  );

  log(`npm install in ${dir} ...`);
  await mustRun(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'],
    dir,
    options.installTimeoutMs ?? 300_000,
  );

  return {
    dir,
    packages,
    run: (command, args, runOptions = {}) =>
      runCommand(command, args, {
        cwd: resolve(dir, runOptions.cwd ?? '.'),
        env: runOptions.env,
        timeoutMs: runOptions.timeoutMs,
      }),
    write(file, content) {
      const target = resolve(dir, file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      return target;
    },
    dispose() {
      if (process.env.CARTOGRAPH_KEEP_PACKED === '1') log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}
