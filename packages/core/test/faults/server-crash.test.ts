import { type MavenRunningNeo4j, startMavenNeo4j } from '@cartograph/testing';
import {
  CartographError,
  Graph,
  IntegerProperty,
  Node,
  NodeEntity,
  type NodeSet,
  StringProperty,
  UniqueIdProperty,
} from '../../src';

@Node()
class Invoice extends NodeEntity {
  declare static readonly nodes: NodeSet<Invoice>;
  @UniqueIdProperty() uid!: string;
  @StringProperty({ required: true }) customer!: string;
  @IntegerProperty({ required: true }) amountCents!: number;
}

const invoices = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ customer: `customer-${i % 97}`, amountCents: 100 + i }));

// The server of this file is killed on purpose, so it is one of its own (small memory), not the
// run's shared server.
describe('the server killed with SIGKILL during createMany', () => {
  let server: MavenRunningNeo4j;
  let graph: Graph;
  const connect = async (onQuery?: (cypher: string) => void) => {
    graph = await Graph.connect({
      url: server.uri,
      auth: { username: server.username, password: server.password },
      default: true,
      // Give up quickly instead of retrying into the restart, so the test decides when it comes back.
      driverConfig: { maxTransactionRetryTime: 1_000, connectionTimeout: 2_000 },
      logger: (event) => onQuery?.(event.cypher),
    });
  };

  beforeAll(async () => {
    server = await startMavenNeo4j({ heap: '512m', pageCacheMiB: 64, log: () => {} });
  }, 300_000);
  afterAll(async () => {
    await graph?.close();
    await server?.stop();
  });

  it('writes none of the import, tells the caller with a typed error, and a re-run writes it all once', async () => {
    let killed: Promise<void> | undefined;
    await connect((cypher) => {
      // After the first batch is acknowledged (its rows are written but not committed), crash.
      if (cypher.includes('UNWIND') && !killed) killed = server.kill();
    });

    const error = await Invoice.createMany(invoices(20_000), { batchSize: 2_000 }).catch((e: unknown) => e);
    await killed;
    await graph.close();

    expect(error).toBeInstanceOf(CartographError);
    server = await server.restart();
    await connect();
    expect(await Invoice.nodes.count()).toBe(0);

    await Invoice.createMany(invoices(20_000), { batchSize: 2_000 });
    expect(await Invoice.nodes.count()).toBe(20_000);
    const [distinct] = await graph.cypher(
      'MATCH (i:Invoice) RETURN count(DISTINCT i.amountCents) AS n',
      {},
      {
        mode: 'READ',
      },
    );
    expect(distinct!.n).toBe(20_000);
  }, 480_000);
});
