import neo4j, {
  type BookmarkManager,
  type Driver,
  isRetryableError,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type Transaction,
} from 'neo4j-driver';
import { CartographError, NotConnectedError } from '../errors';
import type { ModelClass } from '../model/model-types';
import { type CypherOptions, runCypher } from '../query/raw-cypher';
import { type InstallSchemaResult, installSchema } from '../schema/install-schema';
import { ExplicitTransaction } from './explicit-transaction';
import type { ConnectOptions, RunOptions } from './graph-options';
import { GraphTransaction } from './graph-transaction';
import { translateNeo4jError } from './neo4j-errors';
import { type QueryLogger, redactParams } from './query-log';
import { redactError } from './redact-error';
import { type ActiveTransaction, transactionContext } from './transaction-context';

/** A compiled query: Cypher text and its parameters. */
export interface CompiledQuery {
  readonly cypher: string;
  readonly params: Record<string, unknown>;
  /** Parameter names, or keys at any depth inside parameters, whose values are secret (see `redactParams`). */
  readonly sensitive?: readonly string[];
}

export type AccessMode = 'READ' | 'WRITE';

interface SharedConnection {
  readonly driver: Driver;
  readonly bookmarkManager: BookmarkManager;
  /** The manager's bookmarks as of the last write, kept for read sessions (see `#session`). */
  latestBookmarks: string[];
  readonly logger: QueryLogger | undefined;
  readonly impersonatedUser: string | undefined;
  closed: boolean;
}

/**
 * One connection to Neo4j: one driver (and its connection pool) per application, shared by every
 * `Graph` derived from it with {@link Graph.withDatabase}. Sessions share one bookmark manager, so
 * a read always sees the writes this graph made before it, even on a cluster.
 */
export class Graph {
  static #default: Graph | undefined;

  readonly #shared: SharedConnection;
  /** The database queries go to unless a call names another. */
  readonly database: string | undefined;

  private constructor(shared: SharedConnection, database: string | undefined) {
    this.#shared = shared;
    this.database = database;
  }

  /** Creates the driver, checks the server answers, and (for the first graph) makes it the default. */
  static async connect(options: ConnectOptions): Promise<Graph> {
    const auth =
      options.auth && 'username' in options.auth
        ? neo4j.auth.basic(options.auth.username, options.auth.password)
        : options.auth;
    const driver = neo4j.driver(options.url, auth, { userAgent: 'cartograph/0.1', ...options.driverConfig });
    const shared: SharedConnection = {
      driver,
      bookmarkManager: neo4j.bookmarkManager({
        bookmarksConsumer: async (bookmarks) => {
          shared.latestBookmarks = [...bookmarks];
        },
      }),
      latestBookmarks: [],
      logger: options.logger,
      impersonatedUser: options.impersonatedUser,
      closed: false,
    };
    const graph = new Graph(shared, options.database);
    if (options.verifyConnectivity ?? true) {
      try {
        await driver.getServerInfo({ database: options.database });
      } catch (error) {
        await driver.close();
        throw new NotConnectedError(`Cannot reach Neo4j at ${options.url}: ${(error as Error).message}`);
      }
    }
    if (options.default ?? !Graph.#default) Graph.#default = graph;
    return graph;
  }

  /** The graph models use when no transaction names another. */
  static get default(): Graph {
    const graph = Graph.#default;
    if (!graph || graph.#shared.closed) throw new NotConnectedError();
    return graph;
  }

  static setDefault(graph: Graph): void {
    Graph.#default = graph;
  }

  /** The graph of the transaction this code runs in, else the default graph. */
  static current(): Graph {
    return transactionContext.getStore()?.graph ?? Graph.default;
  }

  /** The underlying driver, for anything Cartograph does not cover. */
  get driver(): Driver {
    return this.#shared.driver;
  }

  /** The same connection aimed at another database (multi-database or multi-tenant set-ups). */
  withDatabase(database: string): Graph {
    return new Graph(this.#shared, database);
  }

  /**
   * Runs `work` in a managed read transaction (retried on transient errors); model reads inside it
   * join it. Do not start side effects that must not repeat inside `work`.
   */
  readTransaction<T>(work: (tx: GraphTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.#transaction('READ', work, options);
  }

  /**
   * Runs `work` in a managed write transaction: every model operation inside joins it, it commits
   * when `work` resolves, rolls back when it throws, and is retried on transient errors.
   */
  writeTransaction<T>(work: (tx: GraphTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.#transaction('WRITE', work, options);
  }

  /**
   * Opens an explicit transaction that you commit or roll back yourself. It is not retried on
   * transient errors; use `writeTransaction` where a callback fits.
   */
  async beginTransaction(mode: AccessMode = 'WRITE', options: RunOptions = {}): Promise<ExplicitTransaction> {
    const graph = options.database ? this.withDatabase(options.database) : this;
    const session = graph.#session(mode, graph.database);
    try {
      const tx = await session.beginTransaction(transactionConfig(options));
      return new ExplicitTransaction(graph, session, tx, mode);
    } catch (error) {
      await session.close();
      throw translateNeo4jError(error);
    }
  }

  /**
   * Runs a compiled query and maps each record inside the transaction (results never escape it as
   * live driver objects). Joins the active transaction of this graph when there is one.
   */
  async run<T>(
    query: CompiledQuery,
    mode: AccessMode,
    map: (record: Neo4jRecord) => T,
    options: RunOptions = {},
  ): Promise<T[]> {
    const active = transactionContext.getStore();
    if (
      active &&
      active.graph.#shared === this.#shared &&
      (options.database ?? this.database) === active.graph.database
    ) {
      if (active.mode === 'READ' && mode === 'WRITE') {
        throw new CartographError(
          'WRITE_IN_READ_TRANSACTION',
          'A write was attempted inside readTransaction(). Use writeTransaction() for work that writes.',
        );
      }
      return this.runIn(active.tx, query, mode, map);
    }
    const session = this.#session(mode, options.database);
    try {
      const work = (tx: ManagedTransaction) => this.runIn(tx, query, mode, map);
      const config = transactionConfig(options);
      return mode === 'READ'
        ? await session.executeRead(work, config)
        : await session.executeWrite(work, config);
    } catch (error) {
      throw translateNeo4jError(error, query.cypher);
    } finally {
      await session.close();
    }
  }

  /** @internal Runs one query in a given transaction, logging it; used by transactions and streams. */
  async runIn<T>(
    tx: ManagedTransaction | Transaction,
    query: CompiledQuery,
    mode: AccessMode,
    map: (record: Neo4jRecord) => T,
  ): Promise<T[]> {
    const started = performance.now();
    try {
      const result = await tx.run(query.cypher, query.params);
      const rows = result.records.map(map);
      this.logQuery(query, mode, started, rows.length, result.summary.notifications);
      return rows;
    } catch (error) {
      redactError(error, query);
      this.logQuery(query, mode, started, 0, [], error);
      // Transient errors stay as they are so the driver's retry logic recognises them.
      throw isRetryableError(error) ? error : translateNeo4jError(error, query.cypher);
    }
  }

  /** @internal Whether code runs inside a transaction of this graph (so model operations join it). */
  hasActiveTransaction(): boolean {
    const active = transactionContext.getStore();
    return (
      active !== undefined && active.graph.#shared === this.#shared && active.graph.database === this.database
    );
  }

  /**
   * @internal Runs `work` inside the active write transaction of this graph, or in a new one, so
   * that multi-query operations (check then write) are atomic either way.
   */
  joinOrBeginWrite<T>(work: () => Promise<T>): Promise<T> {
    const active = transactionContext.getStore();
    if (active && active.graph.#shared === this.#shared && active.graph.database === this.database) {
      if (active.mode === 'READ') {
        throw new CartographError(
          'WRITE_IN_READ_TRANSACTION',
          'A write was attempted inside readTransaction(). Use writeTransaction() for work that writes.',
        );
      }
      return work();
    }
    return this.writeTransaction(() => work());
  }

  /** @internal A session for this graph's database, bookmark manager and impersonated user. */
  session(mode: AccessMode, database?: string) {
    return this.#session(mode, database);
  }

  async #transaction<T>(
    mode: AccessMode,
    work: (tx: GraphTransaction) => Promise<T>,
    options: RunOptions,
  ): Promise<T> {
    const graph = options.database ? this.withDatabase(options.database) : this;
    const session = graph.#session(mode, graph.database);
    const run = (tx: ManagedTransaction) => {
      const active: ActiveTransaction = { graph, tx, mode };
      return transactionContext.run(active, () => work(new GraphTransaction(graph, tx, mode)));
    };
    try {
      const config = transactionConfig(options);
      return mode === 'READ'
        ? await session.executeRead(run, config)
        : await session.executeWrite(run, config);
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  #session(mode: AccessMode, database = this.database) {
    if (this.#shared.closed)
      throw new NotConnectedError('This graph was closed. Connect again with Graph.connect().');
    // Writes go through the bookmark manager (they wait for earlier writes and record their own);
    // reads only need the bookmarks of the writes before them, passed directly, which spares each
    // read session the manager's asynchronous get/update round (measured: 2-4% per lookup).
    return this.#shared.driver.session({
      database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(mode === 'READ'
        ? { bookmarks: this.#shared.latestBookmarks }
        : { bookmarkManager: this.#shared.bookmarkManager }),
      impersonatedUser: this.#shared.impersonatedUser,
    });
  }

  /** @internal Reports a query to the logger; for code that runs queries on its own sessions (streams, EXPLAIN). */
  logQuery(
    query: CompiledQuery,
    mode: AccessMode,
    started: number,
    rows: number,
    notifications: unknown[],
    error?: unknown,
  ) {
    const logger = this.#shared.logger;
    if (!logger) return;
    logger({
      cypher: query.cypher,
      params: redactParams(query.params, query.sensitive),
      database: this.database,
      mode,
      durationMs: performance.now() - started,
      rows,
      notifications: notifications as never[],
      error,
    });
  }

  /**
   * Runs your own Cypher. With `inflate`, each record's node becomes an instance of that model;
   * otherwise rows come back as plain objects. Runs as a write unless `mode: 'READ'`.
   */
  cypher<T>(
    cypher: string,
    params: Record<string, unknown>,
    options: CypherOptions<T> & { inflate: ModelClass<T> },
  ): Promise<T[]>;
  cypher(
    cypher: string,
    params?: Record<string, unknown>,
    options?: CypherOptions<never>,
  ): Promise<Record<string, unknown>[]>;
  cypher<T>(
    cypher: string,
    params: Record<string, unknown> = {},
    options: CypherOptions<T> = {},
  ): Promise<unknown[]> {
    return runCypher(this, cypher, params, options);
  }

  /** Creates the constraints and indexes the registered models imply (idempotent); see `@cartograph/schema` for diffs. */
  installSchema(): Promise<InstallSchemaResult> {
    return installSchema(this);
  }

  /** Closes the driver and every session of this connection. */
  async close(): Promise<void> {
    if (this.#shared.closed) return;
    this.#shared.closed = true;
    const current = Graph.#default;
    if (current && current.#shared === this.#shared) Graph.#default = undefined;
    await this.#shared.driver.close();
  }
}

/** The driver's transaction config, or undefined when there is nothing to configure (the common case). */
function transactionConfig(
  options: RunOptions,
): { timeout?: number; metadata?: Record<string, unknown> } | undefined {
  if (options.timeoutMs === undefined && options.metadata === undefined) return undefined;
  return { timeout: options.timeoutMs, metadata: options.metadata };
}
