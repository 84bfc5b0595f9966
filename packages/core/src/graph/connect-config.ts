import { ConfigurationError } from '../errors/configuration-error';
import type { ConnectOptions } from './graph-options';

const SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

// Typed on ConnectOptions, so a new option cannot be left out of the strict check.
const OPTION_KEYS: Readonly<Record<keyof ConnectOptions, true>> = {
  url: true,
  auth: true,
  database: true,
  impersonatedUser: true,
  defaultTimeoutMs: true,
  connectionTimeoutMs: true,
  connectionAcquisitionTimeoutMs: true,
  connectionLivenessCheckTimeoutMs: true,
  maxTransactionRetryTimeMs: true,
  maxConnectionPoolSize: true,
  encrypted: true,
  trustedCertificates: true,
  driverConfig: true,
  logger: true,
  telemetry: true,
  plugins: true,
  default: true,
  verifyConnectivity: true,
  strict: true,
};
const KNOWN: ReadonlySet<string> = new Set(Object.keys(OPTION_KEYS));

const DURATIONS = [
  'defaultTimeoutMs',
  'connectionTimeoutMs',
  'connectionAcquisitionTimeoutMs',
  'connectionLivenessCheckTimeoutMs',
  'maxTransactionRetryTimeMs',
] as const;

/**
 * Checks connection options before anything connects, raising a {@link ConfigurationError} that
 * names the first bad option. `Graph.connect` calls it; call it yourself to fail at start-up (the
 * NestJS module and the CLI do). With `strict` (the default), unknown options are errors too.
 */
export function validateConnectOptions(options: ConnectOptions, prefix = ''): ConnectOptions {
  const name = (option: string) => `${prefix}${option}`;
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError(name('options'), 'must be an object');
  if (options.strict ?? true) {
    for (const key of Object.keys(options)) {
      if (!KNOWN.has(key)) throw new ConfigurationError(name(key), 'is not a connection option');
    }
  }
  if (typeof options.url !== 'string' || options.url === '')
    throw new ConfigurationError(name('url'), 'is required');
  const scheme = /^([a-z0-9+]+):\/\//i.exec(options.url)?.[1]?.toLowerCase();
  if (!scheme || !SCHEMES.includes(scheme)) {
    throw new ConfigurationError(
      name('url'),
      `must start with ${SCHEMES.map((s) => `${s}://`).join(', ')} (got "${options.url}")`,
    );
  }
  const auth = options.auth as Record<string, unknown> | undefined;
  if (auth !== undefined) {
    if (typeof auth !== 'object' || auth === null)
      throw new ConfigurationError(name('auth'), 'must be an object');
    if ('username' in auth || 'password' in auth) {
      if (typeof auth.username !== 'string' || auth.username === '')
        throw new ConfigurationError(name('auth.username'), 'must be a non-empty string');
      if (typeof auth.password !== 'string')
        throw new ConfigurationError(name('auth.password'), 'must be a string');
    } else if (typeof auth.scheme !== 'string') {
      throw new ConfigurationError(name('auth'), 'must be { username, password } or a driver AuthToken');
    }
  }
  for (const key of ['database', 'impersonatedUser'] as const) {
    const value = options[key];
    if (value !== undefined && (typeof value !== 'string' || value === ''))
      throw new ConfigurationError(name(key), 'must be a non-empty string');
  }
  for (const key of DURATIONS) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0))
      throw new ConfigurationError(
        name(key),
        `must be a whole number of milliseconds >= 0 (got ${String(value)})`,
      );
  }
  const pool = options.maxConnectionPoolSize;
  if (pool !== undefined && !(Number.isInteger(pool) && pool >= 1))
    throw new ConfigurationError(
      name('maxConnectionPoolSize'),
      `must be a whole number >= 1 (got ${String(pool)})`,
    );
  if (options.encrypted !== undefined && typeof options.encrypted !== 'boolean')
    throw new ConfigurationError(name('encrypted'), 'must be true or false');
  if (options.trustedCertificates !== undefined) {
    const certs = options.trustedCertificates;
    if (!Array.isArray(certs) || !certs.every((c) => typeof c === 'string' && c !== ''))
      throw new ConfigurationError(name('trustedCertificates'), 'must be a list of certificate file paths');
    if (scheme.includes('+'))
      throw new ConfigurationError(
        name('trustedCertificates'),
        `cannot be combined with a ${scheme}:// URL, which sets its own trust; use bolt:// or neo4j:// with encrypted: true`,
      );
  }
  if (options.encrypted !== undefined && scheme.includes('+'))
    throw new ConfigurationError(
      name('encrypted'),
      `cannot be combined with a ${scheme}:// URL, which already says whether to encrypt`,
    );
  if (options.logger !== undefined && typeof options.logger !== 'function')
    throw new ConfigurationError(name('logger'), 'must be a function');
  const telemetry = options.telemetry as Record<string, unknown> | undefined;
  if (telemetry !== undefined) {
    if (typeof telemetry !== 'object' || telemetry === null)
      throw new ConfigurationError(name('telemetry'), 'must be an object');
    for (const key of ['enabled', 'captureQueryText', 'captureParameters']) {
      if (telemetry[key] !== undefined && typeof telemetry[key] !== 'boolean')
        throw new ConfigurationError(name(`telemetry.${key}`), 'must be true or false');
    }
  }
  if (options.plugins !== undefined && !Array.isArray(options.plugins))
    throw new ConfigurationError(name('plugins'), 'must be an array of plugins');
  return options;
}

/**
 * The environment variables {@link connectOptionsFromEnv} reads, and the option each sets. One table
 * for the library, the CLI and the test harness (see docs/configuration.md).
 */
export const ENVIRONMENT_VARIABLES = {
  NEO4J_URI: 'url',
  NEO4J_USERNAME: 'auth.username',
  NEO4J_PASSWORD: 'auth.password',
  NEO4J_DATABASE: 'database',
  NEO4J_MAX_CONNECTION_POOL_SIZE: 'maxConnectionPoolSize',
  NEO4J_ENCRYPTED: 'encrypted',
  NEO4J_TRUSTED_CERTIFICATES: 'trustedCertificates',
  CARTOGRAPH_DEFAULT_TIMEOUT_MS: 'defaultTimeoutMs',
  CARTOGRAPH_CONNECTION_TIMEOUT_MS: 'connectionTimeoutMs',
  CARTOGRAPH_TELEMETRY: 'telemetry.enabled',
} as const;

/**
 * Connection options from environment variables (see {@link ENVIRONMENT_VARIABLES}), over `base`:
 * a variable that is set and not empty wins. `NEO4J_USERNAME` defaults to `neo4j` when only the
 * password is set. Errors name the variable (`ConfigurationError`, option `NEO4J_MAX_CONNECTION_POOL_SIZE`).
 */
export function connectOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  base: Partial<ConnectOptions> = {},
): ConnectOptions {
  const read = (key: keyof typeof ENVIRONMENT_VARIABLES) => {
    const value = env[key];
    return value === undefined || value === '' ? undefined : value;
  };
  const options: Partial<ConnectOptions> = { ...base };
  const url = read('NEO4J_URI');
  if (url) options.url = url;
  const password = read('NEO4J_PASSWORD');
  const username = read('NEO4J_USERNAME');
  if (password !== undefined || username !== undefined) {
    const current = (base.auth && 'username' in base.auth ? base.auth : undefined) as
      | { username: string; password: string }
      | undefined;
    options.auth = {
      username: username ?? current?.username ?? 'neo4j',
      password: password ?? current?.password ?? '',
    };
  }
  const database = read('NEO4J_DATABASE');
  if (database) options.database = database;
  const integer = (key: keyof typeof ENVIRONMENT_VARIABLES) => {
    const text = read(key);
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text.trim()))
      throw new ConfigurationError(key, `must be a whole number (got "${text}")`);
    return Number(text);
  };
  const boolean = (key: keyof typeof ENVIRONMENT_VARIABLES) => {
    const text = read(key)?.trim().toLowerCase();
    if (text === undefined) return undefined;
    if (['true', '1', 'yes', 'on'].includes(text)) return true;
    if (['false', '0', 'no', 'off'].includes(text)) return false;
    throw new ConfigurationError(key, `must be true or false (got "${read(key)}")`);
  };
  const pool = integer('NEO4J_MAX_CONNECTION_POOL_SIZE');
  if (pool !== undefined) options.maxConnectionPoolSize = pool;
  const encrypted = boolean('NEO4J_ENCRYPTED');
  if (encrypted !== undefined) options.encrypted = encrypted;
  const certs = read('NEO4J_TRUSTED_CERTIFICATES');
  if (certs)
    options.trustedCertificates = certs
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
  const timeout = integer('CARTOGRAPH_DEFAULT_TIMEOUT_MS');
  if (timeout !== undefined) options.defaultTimeoutMs = timeout;
  const connectTimeout = integer('CARTOGRAPH_CONNECTION_TIMEOUT_MS');
  if (connectTimeout !== undefined) options.connectionTimeoutMs = connectTimeout;
  const telemetry = boolean('CARTOGRAPH_TELEMETRY');
  if (telemetry !== undefined) options.telemetry = { ...base.telemetry, enabled: telemetry };
  if (options.url === undefined)
    throw new ConfigurationError('NEO4J_URI', 'is not set (and no url was given)');
  return validateConnectOptions(options as ConnectOptions);
}
