import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile, loadConfig, resolveConfig } from '../src/config/load-config';
import { CliError, ExitCode } from '../src/runtime/exit-codes';
import { useTempDir } from './support/temp-dir';

const dir = useTempDir();

describe('resolveConfig: defaults, file, environment', () => {
  it('uses defaults when neither the file nor the environment says anything', () => {
    const config = resolveConfig({}, {}, undefined, '/project');
    expect(config.neo4j).toEqual({
      uri: 'bolt://localhost:7687',
      username: 'neo4j',
      password: undefined,
      database: undefined,
    });
    expect(config.sources).toEqual({
      uri: 'default',
      username: 'default',
      password: 'default',
      database: 'default',
    });
    expect(config.migrationsDir).toBe(path.resolve('/project', 'migrations'));
  });

  it('takes the file over the defaults, and the environment over the file', () => {
    const file = {
      neo4j: { uri: 'bolt://file:7687', username: 'fileuser', password: 'filepass', database: 'filedb' },
    };
    expect(resolveConfig(file, {}, '/p/cartograph.config.ts', '/p').neo4j).toEqual(file.neo4j);
    const env = {
      NEO4J_URI: 'neo4j://env:7687',
      NEO4J_USERNAME: 'envuser',
      NEO4J_PASSWORD: 'envpass',
      NEO4J_DATABASE: 'envdb',
    };
    const config = resolveConfig(file, env, '/p/cartograph.config.ts', '/p');
    expect(config.neo4j).toEqual({
      uri: 'neo4j://env:7687',
      username: 'envuser',
      password: 'envpass',
      database: 'envdb',
    });
    expect(config.sources).toEqual({ uri: 'env', username: 'env', password: 'env', database: 'env' });
  });

  it('overrides field by field, and ignores empty environment variables', () => {
    const config = resolveConfig(
      { neo4j: { uri: 'bolt://file:7687', password: 'filepass' } },
      { NEO4J_PASSWORD: 'envpass', NEO4J_URI: '' },
      undefined,
      '/p',
    );
    expect(config.neo4j.uri).toBe('bolt://file:7687');
    expect(config.neo4j.password).toBe('envpass');
    expect(config.sources.uri).toBe('config');
  });

  it('resolves migrationsDir against the config folder', () => {
    expect(resolveConfig({ migrationsDir: 'db/migrations' }, {}, undefined, '/p').migrationsDir).toBe(
      path.resolve('/p/db/migrations'),
    );
  });
});

describe('loadConfig', () => {
  it('finds cartograph.config.ts in a parent folder and loads it (TypeScript, defineConfig)', () => {
    writeFileSync(
      path.join(dir(), 'cartograph.config.ts'),
      `import { defineConfig } from '@cartograph/cli';
export default defineConfig({ neo4j: { uri: 'bolt://from-file:7687' }, models: ['./models.ts'], migrationsDir: 'db' });
`,
    );
    const nested = path.join(dir(), 'src', 'deep');
    mkdirSync(nested, { recursive: true });
    const config = loadConfig(nested, { NEO4J_USERNAME: 'env-user' });
    expect(config.file).toBe(path.join(dir(), 'cartograph.config.ts'));
    expect(config.rootDir).toBe(dir());
    expect(config.neo4j.uri).toBe('bolt://from-file:7687');
    expect(config.neo4j.username).toBe('env-user');
    expect(config.models).toEqual(['./models.ts']);
    expect(config.migrationsDir).toBe(path.join(dir(), 'db'));
  });

  it('loads the file given with --config, relative to the working directory', () => {
    writeFileSync(path.join(dir(), 'other.config.ts'), `export default { neo4j: { database: 'other' } };\n`);
    expect(loadConfig(dir(), {}, 'other.config.ts').neo4j.database).toBe('other');
  });

  it('refuses a --config that does not exist (usage error)', () => {
    expect(() => findConfigFile(dir(), 'missing.ts')).toThrow(CliError);
    try {
      findConfigFile(dir(), 'missing.ts');
    } catch (error) {
      expect((error as CliError).exitCode).toBe(ExitCode.Usage);
    }
  });

  it('says which package a config imports is not installed, and how to add it', () => {
    writeFileSync(
      path.join(dir(), 'cartograph.config.ts'),
      `import { defineConfig } from 'cartograph-package-nobody-installed';\nexport default defineConfig({});\n`,
    );
    expect(() => loadConfig(dir(), {})).toThrow(
      /it imports "cartograph-package-nobody-installed", which is not installed .*npm install cartograph-package-nobody-installed/,
    );
  });

  it('lists every problem of an invalid config, without echoing values', () => {
    writeFileSync(
      path.join(dir(), 'cartograph.config.ts'),
      `export default { neo4j: { password: 12345678, port: 1 }, models: 'src', extra: true };\n`,
    );
    let caught: unknown;
    try {
      loadConfig(dir(), {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    const message = (caught as CliError).message;
    expect((caught as CliError).exitCode).toBe(ExitCode.Usage);
    expect(message).toContain('neo4j.password must be a string');
    expect(message).toContain('unknown setting "neo4j.port"');
    expect(message).toContain('models must be a list');
    expect(message).toContain('unknown setting "extra"');
    expect(message).not.toContain('12345678');
  });

  it('refuses to run without any config file (usage error naming the files searched)', () => {
    let caught: unknown;
    try {
      loadConfig(dir(), { NEO4J_URI: 'bolt://env:1' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as CliError).exitCode).toBe(ExitCode.Usage);
    expect((caught as CliError).message).toMatch(
      /No config file: looked for cartograph\.config\.ts, cartograph\.config\.js, cartograph\.config\.cjs in .* `cartograph init`/,
    );
  });
});

describe('connection options shared with Graph.connect', () => {
  it('passes them on, and reports a bad one by its name', () => {
    writeFileSync(
      path.join(dir(), 'cartograph.config.ts'),
      `export default { neo4j: { uri: 'bolt://file:7687', maxConnectionPoolSize: 5, defaultTimeoutMs: 2000 } };\n`,
    );
    expect(loadConfig(dir(), {}).neo4j.options).toEqual({ maxConnectionPoolSize: 5, defaultTimeoutMs: 2000 });
    writeFileSync(
      path.join(dir(), 'bad.config.ts'),
      `export default { neo4j: { maxConnectionPoolSize: 0 } };\n`,
    );
    expect(() => loadConfig(dir(), {}, 'bad.config.ts')).toThrow(
      'neo4j.maxConnectionPoolSize must be a whole number >= 1',
    );
  });

  it('reads them from the same environment variables as Graph.connect, which win over the file', () => {
    writeFileSync(
      path.join(dir(), 'cartograph.config.ts'),
      `export default { neo4j: { maxConnectionPoolSize: 5, defaultTimeoutMs: 2000 } };\n`,
    );
    const env = { NEO4J_MAX_CONNECTION_POOL_SIZE: '20', NEO4J_ENCRYPTED: 'true' };
    expect(loadConfig(dir(), env).neo4j.options).toEqual({
      maxConnectionPoolSize: 20,
      defaultTimeoutMs: 2000,
      encrypted: true,
    });
  });

  it('names an environment variable whose value is invalid (usage error)', () => {
    writeFileSync(path.join(dir(), 'cartograph.config.ts'), 'export default {};\n');
    expect(() => loadConfig(dir(), { CARTOGRAPH_DEFAULT_TIMEOUT_MS: 'soon' })).toThrow(
      /Invalid environment variable: .*CARTOGRAPH_DEFAULT_TIMEOUT_MS.*must be a whole number/,
    );
  });
});
