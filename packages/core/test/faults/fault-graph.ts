import { FaultProxy, neo4jSettingsFromEnv, resetDatabase } from '@cartograph/testing';
import neo4j, { type Driver } from 'neo4j-driver';
import { type ConnectOptions, Graph } from '../../src';

/** A graph whose every connection goes through a FaultProxy, plus a direct driver to count with. */
export interface FaultRig {
  readonly proxy: () => FaultProxy;
  readonly graph: () => Graph;
  /** Nodes with `label` (and `where` on `n`), counted over a direct connection, past the proxy. */
  count(label: string, where?: string, params?: Record<string, unknown>): Promise<number>;
  /** Runs a write over the direct connection with a server timeout; whether it committed in time. */
  write(cypher: string, timeoutMs: number): Promise<boolean>;
}

/**
 * Starts a proxy and a graph through it before each test (so every test starts healthy), and a
 * direct driver for the file. Bounds are short so that failing paths fail fast.
 */
export function useFaultRig(options: Partial<ConnectOptions> = {}): FaultRig {
  const settings = neo4jSettingsFromEnv();
  let direct: Driver | undefined;
  let proxy: FaultProxy | undefined;
  let graph: Graph | undefined;
  beforeAll(() => {
    direct = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password));
  });
  beforeEach(async () => {
    await resetDatabase(direct!);
    proxy = await FaultProxy.start(settings.uri);
    graph = await Graph.connect({
      url: proxy.uri,
      auth: { username: settings.username, password: settings.password },
      default: true,
      connectionTimeoutMs: 2_000,
      maxTransactionRetryTimeMs: 3_000,
      defaultTimeoutMs: 10_000,
      ...options,
    });
    await graph.installSchema();
  });
  afterEach(async () => {
    await proxy?.close();
    await graph?.close();
  });
  afterAll(() => direct?.close());
  return {
    proxy: () => proxy!,
    graph: () => graph!,
    async count(label, where, params = {}) {
      const text = `MATCH (n:${label})${where ? ` WHERE ${where}` : ''} RETURN count(n) AS n`;
      const { records } = await direct!.executeQuery(text, params);
      return records[0]!.get('n').toNumber() as number;
    },
    async write(cypher, timeoutMs) {
      const session = direct!.session();
      try {
        await session.executeWrite((tx) => tx.run(cypher), { timeout: timeoutMs });
        return true;
      } catch {
        return false;
      } finally {
        await session.close();
      }
    },
  };
}
