import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary project with a `migrations/` folder, outside the repository. */
export interface MigrationsFolder {
  /** The `migrations/` folder. */
  readonly dir: string;
  /** Writes (or overwrites) a file in the folder. */
  write(name: string, text: string): Promise<string>;
  remove(name: string): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Creates `<tmp>/cartograph-migrations-XXXX/migrations` with `files`, plus a `node_modules` that
 * links `reflect-metadata`, as a real project has, so `.ts` migrations can import it.
 */
export async function migrationsFolder(files: Record<string, string> = {}): Promise<MigrationsFolder> {
  const root = await mkdtemp(join(tmpdir(), 'cartograph-migrations-'));
  const dir = join(root, 'migrations');
  await mkdir(join(root, 'node_modules'), { recursive: true });
  const reflect = dirname(createRequire(require.resolve('@cartograph/core')).resolve('reflect-metadata'));
  await symlink(reflect, join(root, 'node_modules', 'reflect-metadata'), 'dir');
  await mkdir(dir);
  const folder: MigrationsFolder = {
    dir,
    async write(name, text) {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    },
    remove: (name) => rm(join(dir, name), { force: true }),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
  for (const [name, text] of Object.entries(files)) await folder.write(name, text);
  return folder;
}
