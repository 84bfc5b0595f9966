import {
  ConfigurationError,
  type ConnectOptions,
  connectOptionsFromEnv,
  validateConnectOptions,
} from '../../src';

const base: ConnectOptions = {
  url: 'bolt://localhost:7687',
  auth: { username: 'neo4j', password: 'secret' },
};

function problem(run: () => unknown): { option: string; code: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

describe('validateConnectOptions', () => {
  it('accepts good options', () => {
    expect(validateConnectOptions({ ...base, maxConnectionPoolSize: 10, defaultTimeoutMs: 0 })).toBeTruthy();
  });

  it.each<[Partial<ConnectOptions> & Record<string, unknown>, string]>([
    [{ url: '' }, 'url'],
    [{ url: 'http://localhost:7474' }, 'url'],
    [{ auth: { username: '', password: 'x' } }, 'auth.username'],
    [{ database: '' }, 'database'],
    [{ defaultTimeoutMs: -1 }, 'defaultTimeoutMs'],
    [{ connectionTimeoutMs: 1.5 }, 'connectionTimeoutMs'],
    [{ maxConnectionPoolSize: 0 }, 'maxConnectionPoolSize'],
    [{ url: 'neo4j+s://db.example.com', trustedCertificates: ['/ca.pem'] }, 'trustedCertificates'],
    [{ url: 'bolt+s://db.example.com', encrypted: true }, 'encrypted'],
    [{ telemetry: { captureParameters: 'yes' as unknown as boolean } }, 'telemetry.captureParameters'],
    [{ defaultTimeoutMS: 5 }, 'defaultTimeoutMS'],
  ])('names the bad option: %j', (change, option) => {
    const error = problem(() => validateConnectOptions({ ...base, ...change } as ConnectOptions));
    expect(error.option).toBe(option);
    expect(error.code).toBe('INVALID_CONFIGURATION');
    expect(error.message).toContain(option);
  });

  it('lets unknown options through when not strict', () => {
    expect(() =>
      validateConnectOptions({ ...base, strict: false, extra: 1 } as ConnectOptions),
    ).not.toThrow();
  });
});

describe('connectOptionsFromEnv', () => {
  it('reads the NEO4J_* and CARTOGRAPH_* variables over the base options', () => {
    const options = connectOptionsFromEnv(
      {
        NEO4J_URI: 'neo4j://cluster:7687',
        NEO4J_PASSWORD: 'pw',
        NEO4J_DATABASE: 'people',
        NEO4J_MAX_CONNECTION_POOL_SIZE: '20',
        NEO4J_ENCRYPTED: 'true',
        CARTOGRAPH_DEFAULT_TIMEOUT_MS: '5000',
        CARTOGRAPH_TELEMETRY: 'off',
      },
      { url: 'bolt://ignored:7687', connectionTimeoutMs: 1000 },
    );
    expect(options).toEqual({
      url: 'neo4j://cluster:7687',
      auth: { username: 'neo4j', password: 'pw' },
      database: 'people',
      maxConnectionPoolSize: 20,
      encrypted: true,
      defaultTimeoutMs: 5000,
      connectionTimeoutMs: 1000,
      telemetry: { enabled: false },
    });
  });

  it('names the variable that is wrong', () => {
    expect(
      problem(() => connectOptionsFromEnv({ NEO4J_URI: 'bolt://x', NEO4J_MAX_CONNECTION_POOL_SIZE: 'ten' }))
        .option,
    ).toBe('NEO4J_MAX_CONNECTION_POOL_SIZE');
    expect(problem(() => connectOptionsFromEnv({})).option).toBe('NEO4J_URI');
    expect(problem(() => connectOptionsFromEnv({ NEO4J_URI: 'localhost' })).option).toBe('url');
  });
});
