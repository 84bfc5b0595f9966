import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, connectOptionsFromEnv, validateConnectOptions } from '@cartograph/core';
import { CliError, ExitCode } from '../runtime/exit-codes';
import type { CartographConfig, Neo4jConnectionConfig, SharedConnectionOptions } from './define-config';
import { describeLoadError } from './describe-load-error';
import { requireModule } from './typescript-loader';

/** File names looked for, in this order, in the working directory and then each parent. */
export const CONFIG_FILE_NAMES = [
  'cartograph.config.ts',
  'cartograph.config.js',
  'cartograph.config.cjs',
] as const;

/** Where each connection setting came from, for `--json` diagnostics (never the password's value). */
export type SettingSource = 'env' | 'config' | 'default';

/** The configuration a command runs with, after defaults and environment overrides. */
export interface ResolvedConfig {
  /** The config file used, if any. */
  readonly file: string | undefined;
  /** Relative paths in the config resolve against this folder (the config file's, else the working directory). */
  readonly rootDir: string;
  readonly neo4j: {
    readonly uri: string;
    readonly username: string;
    readonly password: string | undefined;
    readonly database: string | undefined;
    /** The other connection options of the config file (`ConnectOptions`), passed to `Graph.connect`. */
    readonly options?: SharedConnectionOptions;
  };
  readonly sources: Readonly<Record<'uri' | 'username' | 'password' | 'database', SettingSource>>;
  readonly models: readonly string[];
  /** Absolute path of the migrations folder. */
  readonly migrationsDir: string;
  /** Labels and relationship types `inspect` leaves out (`inspect.ignore`). */
  readonly inspectIgnore?: readonly string[];
}

/** Finds the config file: `explicit` (must exist), else the nearest one from `cwd` upwards. */
export function findConfigFile(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new CliError(ExitCode.Usage, `Config file not found: ${file}`);
    return file;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Loads the config file (TypeScript without a build step) and applies defaults and env overrides. */
export function loadConfig(cwd: string, env: NodeJS.ProcessEnv, explicit?: string): ResolvedConfig {
  const file = findConfigFile(cwd, explicit);
  if (file === undefined) throw new CliError(ExitCode.Usage, noConfigMessage(cwd));
  return resolveConfig(readConfigFile(file), env, file, path.dirname(file));
}

/**
 * Why a command that needs the models or the migrations folder refuses to run without a config:
 * with silent defaults, `migrate status` would list applied migrations as missing and `schema
 * sync --drop` would plan to drop every constraint.
 */
export function noConfigMessage(cwd: string): string {
  return `No config file: looked for ${CONFIG_FILE_NAMES.join(', ')} in ${path.resolve(cwd)} and every folder above it. Run \`cartograph init\` to create one, or pass --config <path>.`;
}

/** Applies defaults and NEO4J_* environment overrides (env wins) to a config object. */
export function resolveConfig(
  raw: CartographConfig,
  env: NodeJS.ProcessEnv,
  file: string | undefined,
  rootDir: string,
): ResolvedConfig {
  const fromFile = raw.neo4j ?? {};
  const pick = (envName: string, value: string | undefined, fallback: string | undefined) => {
    const fromEnv = env[envName];
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: 'env' as const };
    if (value !== undefined) return { value, source: 'config' as const };
    return { value: fallback, source: 'default' as const };
  };
  const uri = pick('NEO4J_URI', fromFile.uri, 'bolt://localhost:7687');
  const username = pick('NEO4J_USERNAME', fromFile.username, 'neo4j');
  const password = pick('NEO4J_PASSWORD', fromFile.password, undefined);
  const database = pick('NEO4J_DATABASE', fromFile.database, undefined);
  return {
    file,
    rootDir,
    neo4j: {
      uri: uri.value!,
      username: username.value!,
      password: password.value,
      database: database.value,
      options: mergeOptions(sharedOptions(fromFile), envOptions(env)),
    },
    sources: {
      uri: uri.source,
      username: username.source,
      password: password.source,
      database: database.source,
    },
    models: raw.models ?? [],
    migrationsDir: path.resolve(rootDir, raw.migrationsDir ?? 'migrations'),
    inspectIgnore: raw.inspect?.ignore ?? [],
  };
}

function readConfigFile(file: string): CartographConfig {
  let loaded: unknown;
  try {
    loaded = requireModule(file);
  } catch (error) {
    throw new CliError(ExitCode.Usage, `Could not load ${file}: ${describeLoadError(error)}`, {
      cause: error,
    });
  }
  const config = isRecord(loaded) && 'default' in loaded ? loaded.default : loaded;
  const problems = checkConfig(config);
  if (problems.length > 0) {
    throw new CliError(
      ExitCode.Usage,
      `Invalid config in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return config as CartographConfig;
}

/** Problems with a loaded config object, in words; empty when it is usable. */
export function checkConfig(config: unknown): string[] {
  if (!isRecord(config))
    return ['the file must export a config object (export default defineConfig({ ... }))'];
  const problems: string[] = [];
  const known = new Set(['neo4j', 'models', 'migrationsDir', 'inspect']);
  for (const key of Object.keys(config)) if (!known.has(key)) problems.push(`unknown setting "${key}"`);
  if (config.neo4j !== undefined) {
    if (!isRecord(config.neo4j)) problems.push('neo4j must be an object');
    else {
      for (const [key, value] of Object.entries(config.neo4j)) {
        if (SHARED_OPTIONS.includes(key)) continue;
        if (!['uri', 'username', 'password', 'database'].includes(key))
          problems.push(`unknown setting "neo4j.${key}"`);
        else if (value !== undefined && typeof value !== 'string')
          problems.push(`neo4j.${key} must be a string`);
      }
      const shared = sharedOptions(config.neo4j as Neo4jConnectionConfig);
      if (shared) {
        try {
          validateConnectOptions({ url: 'bolt://localhost', ...shared }, 'neo4j.');
        } catch (error) {
          if (!(error instanceof ConfigurationError)) throw error;
          problems.push(`${error.option} ${error.problem}`);
        }
      }
    }
  }
  const models = config.models;
  if (models !== undefined && !(Array.isArray(models) && models.every((m) => typeof m === 'string'))) {
    problems.push('models must be a list of module paths or globs');
  }
  if (config.inspect !== undefined) {
    const ignore = isRecord(config.inspect) ? config.inspect.ignore : undefined;
    if (
      !isRecord(config.inspect) ||
      (ignore !== undefined && !(Array.isArray(ignore) && ignore.every((m) => typeof m === 'string')))
    )
      problems.push('inspect must be { ignore?: string[] } (labels and relationship types)');
  }
  if (config.migrationsDir !== undefined && typeof config.migrationsDir !== 'string') {
    problems.push('migrationsDir must be a string');
  }
  return problems;
}

const SHARED_OPTIONS: readonly string[] = [
  'defaultTimeoutMs',
  'connectionTimeoutMs',
  'connectionAcquisitionTimeoutMs',
  'maxTransactionRetryTimeMs',
  'maxConnectionPoolSize',
  'encrypted',
  'trustedCertificates',
  'impersonatedUser',
] satisfies (keyof SharedConnectionOptions)[];

/** The shared `ConnectOptions` set in the config's `neo4j` section, if any. */
function sharedOptions(neo4j: Neo4jConnectionConfig): SharedConnectionOptions | undefined {
  const entries = Object.entries(neo4j).filter(
    ([key, value]) => SHARED_OPTIONS.includes(key) && value !== undefined,
  );
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as SharedConnectionOptions);
}

/**
 * The shared connection options set by environment variables (`NEO4J_MAX_CONNECTION_POOL_SIZE`,
 * `NEO4J_ENCRYPTED`, `CARTOGRAPH_DEFAULT_TIMEOUT_MS`, ...: the table `Graph.connect` users read in
 * docs/configuration.md). @throws CliError (usage) naming the variable whose value is invalid.
 */
function envOptions(env: NodeJS.ProcessEnv): SharedConnectionOptions | undefined {
  try {
    // The address and credentials are the CLI's own settings (checked when it connects, so a bad
    // URI stays a connection error whose message hides the password): only the rest is read here.
    const { NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE, ...rest } = env;
    const placeholder = { url: 'bolt://localhost:7687' }; // never used: only shared options are kept
    return sharedOptions(connectOptionsFromEnv(rest, placeholder) as Neo4jConnectionConfig);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new CliError(ExitCode.Usage, `Invalid environment variable: ${error.message}`, { cause: error });
  }
}

/** The environment wins over the file, option by option. */
function mergeOptions(
  fromFile: SharedConnectionOptions | undefined,
  fromEnv: SharedConnectionOptions | undefined,
): SharedConnectionOptions | undefined {
  return fromFile === undefined && fromEnv === undefined ? undefined : { ...fromFile, ...fromEnv };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
