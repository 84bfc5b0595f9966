import neo4j, {
  type Config,
  type Driver,
  type Record as Neo4jRecord,
  type ResultSummary,
  type Session,
} from 'neo4j-driver';
import { NotConnectedError, TransactionClosedError } from '../errors';
import { runAutoCommit, runAutoCommitRetried } from '../executor/auto-commit';
import { ConnectionBookmarks } from '../executor/connection-bookmarks';
import { Deadline } from '../executor/deadline';
import type { ExecutorHost } from '../executor/executor-host';
import { beginExplicit, commitExplicit, rollbackExplicit } from '../executor/explicit-calls';
import { checkJoin } from '../executor/join-check';
import type { LostCommitRecovery } from '../executor/lost-commit-recovery';
import { type QueryLogger, redactParams } from '../executor/query-log';
import { type QueryOutcome, runQuery } from '../executor/run-query';
import { severSession } from '../executor/sever-session';
import { streamQuery } from '../executor/stream-query';
import { Telemetry } from '../executor/telemetry';
import { type ActiveTransaction, transactionContext } from '../executor/transaction-context';
import { runTransaction } from '../executor/transaction-loop';
import type { AccessMode, CompiledQuery } from '../executor/types';
import type { ModelClass } from '../mapping/model-types';
import { registry } from '../registry/schema-registry';
import { type InstallSchemaResult, installSchema } from '../schema/install-schema';
import { validateConnectOptions } from './connect-config';
import { type ConnectOptions, DEFAULT_TIMEOUT_MS, type GraphPlugin, type RunOptions } from './graph-options';
import { type CypherOptions, runCypher } from './raw-cypher';
import { toPlain } from './to-plain';

export type { AccessMode, CompiledQuery };

interface SharedConnection {
  readonly driver: Driver;
  /** Bookmarks of every write of this connection; read sessions start from `latest` (see `#session`). */
  readonly bookmarks: ConnectionBookmarks;
  readonly logger: QueryLogger | undefined;
  readonly impersonatedUser: string | undefined;
  /** The client-side deadline of calls that name none; 0 = none. */
  readonly defaultTimeoutMs: number;
  /** How long a failed transaction is retried. */
  readonly maxRetryTimeMs: number;
  /** Spans and metrics (OpenTelemetry). */
  readonly telemetry: Telemetry;
  closed: boolean;
  /** Query plugins of this connection (`ConnectOptions.plugins`). */
  readonly plugins: readonly GraphPlugin[];
}

/**
 * One connection to Neo4j: one driver (and its connection pool) per application, shared by every
 * `Graph` derived from it with {@link Graph.withDatabase}. Sessions share one bookmark manager, so
 * a read always sees the writes this graph made before it, even on a cluster.
 */
export class Graph {
  static #default: Graph | undefined;
  /** Whether any graph was connected with plugins (query compilation skips them until one is). */
  static pluginsInUse = false;

  readonly #shared: SharedConnection;
  /** The database queries go to unless a call names another. */
  readonly database: string | undefined;

  /** What the executor (`src/executor`) uses of this graph: the one path to the driver. */
  readonly #host: ExecutorHost<Graph>;

  private constructor(shared: SharedConnection, database: string | undefined) {
    this.#shared = shared;
    this.database = database;
    this.#host = {
      graph: this,
      database,
      session: (mode, name) => this.#session(mode, name),
      log: (query, mode, started, rows, notifications, error) =>
        this.logQuery(query, mode, started, rows, notifications, error),
      defaultTimeoutMs: shared.defaultTimeoutMs,
      maxRetryTimeMs: shared.maxRetryTimeMs,
      telemetry: shared.telemetry,
    };
  }

  /**
   * Validates and freezes the model registry, creates the driver, checks the server answers, and
   * (for the first graph) makes it the default.
   * @throws ModelDefinitionError when a relationship points to a class that is not a model.
   */
  static async connect(options: ConnectOptions): Promise<Graph> {
    validateConnectOptions(options);
    registry.seal();
    const auth =
      options.auth && 'username' in options.auth
        ? neo4j.auth.basic(options.auth.username, options.auth.password)
        : options.auth;
    const driver = neo4j.driver(options.url, auth, {
      userAgent: 'cartograph/0.1',
      ...connectionSettings(options),
      ...options.driverConfig,
    });
    const shared: SharedConnection = {
      driver,
      bookmarks: new ConnectionBookmarks(),
      logger: options.logger,
      impersonatedUser: options.impersonatedUser,
      defaultTimeoutMs: options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS,
      // The driver's own setting keeps meaning what it meant when the driver ran the retries.
      maxRetryTimeMs:
        options.maxTransactionRetryTimeMs ??
        options.driverConfig?.maxTransactionRetryTime ??
        DEFAULT_MAX_RETRY_TIME_MS,
      telemetry: new Telemetry(options.url, options.telemetry),
      closed: false,
      plugins: Object.freeze([...(options.plugins ?? [])]),
    };
    if (shared.plugins.length > 0) Graph.pluginsInUse = true;
    const graph = new Graph(shared, options.database);
    if (options.verifyConnectivity ?? true) {
      try {
        const deadline = Deadline.start({}, shared.defaultTimeoutMs);
        await deadline.race(driver.getServerInfo({ database: options.database }), () => undefined);
      } catch (error) {
        // Not awaited: closing waits on connections that a silent network path never answers.
        void driver.close().catch(() => undefined);
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

  /** The default graph, or undefined when none is connected (or it is closed). */
  static defaultOrUndefined(): Graph | undefined {
    const graph = Graph.#default;
    return graph && !graph.#shared.closed ? graph : undefined;
  }

  /** The graph of the running transaction, else the default graph; undefined when there is none. */
  static currentOrUndefined(): Graph | undefined {
    return activeGraphTransaction()?.graph ?? Graph.defaultOrUndefined();
  }

  static setDefault(graph: Graph): void {
    Graph.#default = graph;
  }

  /** The graph of the transaction this code runs in, else the default graph. */
  static current(): Graph {
    return activeGraphTransaction()?.graph ?? Graph.default;
  }

  /** The query plugins given to `Graph.connect`. */
  get plugins(): readonly GraphPlugin[] {
    return this.#shared.plugins;
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
   * Runs `work` in a read transaction; model reads inside it join it. Retried (the whole callback)
   * when Neo4j reports a transient error or the connection fails, so keep side effects out of it.
   * Bounded by `options.timeoutMs` (else the graph's `defaultTimeoutMs`) and `options.signal`.
   */
  readTransaction<T>(work: (tx: GraphTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.#transaction('READ', work, options);
  }

  /**
   * Runs `work` in a write transaction: every model operation inside joins it, it commits when
   * `work` resolves and rolls back when it throws. Retried only when nothing can have been applied
   * (a transient error, or a connection that failed before COMMIT was sent); when the connection
   * fails after COMMIT was sent it raises CommitOutcomeUnknownError instead of running `work` again.
   * Bounded by `options.timeoutMs` (else the graph's `defaultTimeoutMs`) and `options.signal`.
   */
  writeTransaction<T>(work: (tx: GraphTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.#transaction('WRITE', work, options);
  }

  /**
   * Opens an explicit transaction that you commit or roll back yourself. It is not retried. With
   * `timeoutMs` or `signal` the bound covers the whole transaction; otherwise each call on it (run,
   * commit, rollback) is bounded by the graph's `defaultTimeoutMs`.
   */
  async beginTransaction(mode: AccessMode = 'WRITE', options: RunOptions = {}): Promise<ExplicitTransaction> {
    const graph = options.database ? this.withDatabase(options.database) : this;
    const whole = options.timeoutMs !== undefined || options.signal ? Deadline.start(options, 0) : undefined;
    const perCall = () => whole ?? Deadline.start({}, this.#shared.defaultTimeoutMs);
    const session = graph.#session(mode, graph.database);
    const tx = await beginExplicit(session, perCall(), whole ?? Deadline.none, options.metadata);
    const active: ActiveTransaction<Graph> = {
      graph,
      tx,
      mode,
      deadline: perCall,
      abandon: () => severSession(session),
    };
    return new ExplicitTransaction(active, session);
  }

  /**
   * @internal Runs a compiled query and maps each record (results never escape as live driver
   * objects). Joins the active transaction of this graph when there is one. Otherwise a read (and
   * a write whose `recovery` is `autoCommit`) runs as one auto-commit query, one round trip, retried
   * by Cartograph where that is safe; any other write runs in a managed transaction of its own. `recovery` says how a
   * write settles a lost COMMIT reply (see {@link LostCommitRecovery}); without it, that raises
   * CommitOutcomeUnknownError.
   */
  async run<T>(
    query: CompiledQuery,
    mode: AccessMode,
    map: (record: Neo4jRecord) => T,
    options: RunOptions = {},
    recovery?: LostCommitRecovery<T[]>,
  ): Promise<T[]> {
    const active = this.#joinable(options.database ?? this.database);
    if (active) return this.runIn(checkJoin(active, mode), query, mode, map);
    const deadline = Deadline.start(options, this.#shared.defaultTimeoutMs);
    const plan = {
      mode,
      database: options.database ?? this.database,
      deadline,
      metadata: options.metadata,
      ...recoveryPlan(recovery),
    };
    if (mode === 'READ' || (recovery !== undefined && 'autoCommit' in recovery)) {
      return runAutoCommitRetried(this.#host, plan, query, map);
    }
    return runTransaction(this.#host, plan, async (tx) => {
      const outcome = await runQuery(this.#host, tx.tx, query, mode, map, deadline, tx.abandon);
      return outcome.rows;
    });
  }

  /** @internal Runs one query in a given transaction (logged, bounded, typed errors). */
  async runIn<T>(
    active: ActiveTransaction<Graph>,
    query: CompiledQuery,
    mode: AccessMode,
    map: (record: Neo4jRecord) => T,
  ): Promise<T[]> {
    return (await this.runInWithSummary(active, query, mode, map)).rows;
  }

  /** @internal {@link Graph.runIn} with the server's summary of the query. */
  runInWithSummary<T>(
    active: ActiveTransaction<Graph>,
    query: CompiledQuery,
    mode: AccessMode,
    map: (record: Neo4jRecord) => T,
  ): Promise<QueryOutcome<T>> {
    return runQuery(this.#host, active.tx, query, mode, map, active.deadline(), active.abandon);
  }

  /**
   * @internal {@link Graph.run} inside the active write transaction, with the server's summary
   * (a bulk write reads exact counters from it). Only inside `joinOrBeginWrite`.
   */
  runJoinedWithSummary<T>(query: CompiledQuery, map: (record: Neo4jRecord) => T): Promise<QueryOutcome<T>> {
    const active = this.#joinable(this.database);
    if (!active) throw new TransactionClosedError();
    return this.runInWithSummary(checkJoin(active, 'WRITE'), query, 'WRITE', map);
  }

  /** @internal Streams a read query's records on a session of its own (see `streamQuery`). */
  stream<T>(query: CompiledQuery, map: (record: Neo4jRecord) => T, options: RunOptions = {}) {
    return streamQuery(this.#host, query, map, options);
  }

  /** @internal The server's summary of a read query (EXPLAIN / PROFILE), in a read transaction of its own. */
  async summarize(query: CompiledQuery, options: RunOptions = {}): Promise<ResultSummary> {
    const deadline = Deadline.start(options, this.#shared.defaultTimeoutMs);
    const plan = { mode: 'READ' as const, database: options.database ?? this.database, deadline };
    return runTransaction(this.#host, plan, async (tx) => {
      const outcome = await runQuery(this.#host, tx.tx, query, 'READ', () => undefined, deadline, tx.abandon);
      return outcome.summary;
    });
  }

  /**
   * @internal Runs one statement in an auto-commit transaction, handing over records as they
   * arrive (schema commands, `CALL { } IN TRANSACTIONS`). Not retried.
   */
  autoCommit(
    query: CompiledQuery,
    mode: AccessMode,
    onRecord: (record: Neo4jRecord) => void,
    options: RunOptions = {},
  ): Promise<ResultSummary> {
    return runAutoCommit(this.#host, query, mode, onRecord, {
      ...options,
      database: options.database ?? this.database,
    });
  }

  /** @internal Whether code runs inside a transaction of this graph (so model operations join it). */
  hasActiveTransaction(): boolean {
    return this.#joinable(this.database) !== undefined;
  }

  /**
   * @internal Runs `work` inside the active write transaction of this graph, or in a new one, so
   * that multi-query operations (check then write) are atomic either way. `recovery` settles a lost
   * COMMIT reply (see {@link LostCommitRecovery}) instead of raising CommitOutcomeUnknownError.
   */
  joinOrBeginWrite<T>(work: () => Promise<T>, recovery?: LostCommitRecovery<T>): Promise<T> {
    const active = this.#joinable(this.database);
    if (active) {
      checkJoin(active, 'WRITE');
      return work();
    }
    return this.#transaction('WRITE', () => work(), {}, recovery);
  }

  /** The active transaction, when it belongs to this connection and `database`. */
  #joinable(database: string | undefined): ActiveTransaction<Graph> | undefined {
    const active = activeGraphTransaction();
    if (active && active.graph.#shared === this.#shared && database === active.graph.database) return active;
    return undefined;
  }

  async #transaction<T>(
    mode: AccessMode,
    work: (tx: GraphTransaction) => Promise<T>,
    options: RunOptions,
    recovery?: LostCommitRecovery<T>,
  ): Promise<T> {
    const graph = options.database ? this.withDatabase(options.database) : this;
    const deadline = Deadline.start(options, this.#shared.defaultTimeoutMs);
    const plan = {
      mode,
      database: graph.database,
      deadline,
      metadata: options.metadata,
      ...recoveryPlan(recovery),
      callback: true,
    };
    return runTransaction(graph.#host, plan, (active) => work(new GraphTransaction(active)));
  }

  /** @internal The bookmarks a read session of this graph starts from (tests of causal consistency). */
  latestBookmarks(): readonly string[] {
    return [...this.#shared.bookmarks.latest];
  }

  #session(mode: AccessMode, database = this.database) {
    if (this.#shared.closed)
      throw new NotConnectedError('This graph was closed. Connect again with Graph.connect().');
    // Writes go through the connection's bookmark manager (they wait for earlier writes and record
    // their own); reads only need the bookmarks of the writes before them, passed directly, which
    // spares each read session the manager's asynchronous get/update round (measured: 2-4% per lookup).
    const read = mode === 'READ';
    return this.#shared.driver.session({
      database,
      defaultAccessMode: read ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarks: read ? startingBookmarks(this.#shared.bookmarks.latest) : undefined,
      bookmarkManager: read ? undefined : this.#shared.bookmarks,
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
      model: query.model,
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

const DEFAULT_MAX_RETRY_TIME_MS = 30_000;
// An idle pooled connection older than this is checked before use, so one that a firewall or NAT
// silently dropped is replaced instead of swallowing the next query.
const DEFAULT_LIVENESS_CHECK_MS = 30_000;

/** The driver settings `ConnectOptions` names in milliseconds (the driver's own names differ). */
function connectionSettings(options: ConnectOptions): Config {
  const config: Config = {
    connectionLivenessCheckTimeout: options.connectionLivenessCheckTimeoutMs ?? DEFAULT_LIVENESS_CHECK_MS,
    maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? DEFAULT_MAX_RETRY_TIME_MS,
  };
  if (options.connectionTimeoutMs !== undefined) config.connectionTimeout = options.connectionTimeoutMs;
  if (options.maxConnectionPoolSize !== undefined)
    config.maxConnectionPoolSize = options.maxConnectionPoolSize;
  if (options.trustedCertificates !== undefined) {
    config.encrypted = true;
    config.trust = 'TRUST_CUSTOM_CA_SIGNED_CERTIFICATES';
    config.trustedCertificates = options.trustedCertificates;
  } else if (options.encrypted !== undefined) {
    config.encrypted = options.encrypted;
  }
  if (options.connectionAcquisitionTimeoutMs !== undefined) {
    config.connectionAcquisitionTimeout = options.connectionAcquisitionTimeoutMs;
  }
  return config;
}

/**
 * A read session's bookmarks in the form the driver reads fastest: usually one bookmark, given as
 * a string (an array goes through the driver's recursive flattening on every session).
 */
function startingBookmarks(latest: readonly string[]): string | string[] | undefined {
  if (latest.length === 0) return undefined;
  return latest.length === 1 ? latest[0] : (latest as string[]);
}

/** The transaction plan's fields for a {@link LostCommitRecovery}. */
function recoveryPlan<T>(recovery: LostCommitRecovery<T> | undefined) {
  return {
    applied: recovery && 'applied' in recovery ? recovery.applied : undefined,
    idempotent: recovery !== undefined && 'idempotent' in recovery,
  };
}

/** The active transaction. Only graphs put transactions in the context, so its `graph` is a Graph. */
function activeGraphTransaction(): ActiveTransaction<Graph> | undefined {
  return transactionContext.getStore() as ActiveTransaction<Graph> | undefined;
}

/**
 * The transaction handed to `graph.readTransaction` / `graph.writeTransaction` callbacks. Model
 * operations inside the callback join it automatically; this object is for Cypher of your own.
 */
export class GraphTransaction {
  /** @internal */
  protected readonly active: ActiveTransaction<Graph>;

  /** @internal Made by the graph; user code receives it. */
  constructor(active: ActiveTransaction<Graph>) {
    this.active = active;
  }

  /** The graph this transaction belongs to. */
  get graph(): Graph {
    return this.active.graph;
  }

  /** `READ` or `WRITE`. */
  get mode(): 'READ' | 'WRITE' {
    return this.active.mode;
  }

  /** Runs Cypher in this transaction; rows come back as plain objects (see `toPlain`). */
  run(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    return this.active.graph.runIn(this.active, { cypher, params }, this.mode, plainRow);
  }
}

function plainRow(record: { keys: PropertyKey[]; get(key: PropertyKey): unknown }): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key of record.keys) row[key as string] = toPlain(record.get(key));
  return row;
}

/**
 * A transaction you commit or roll back yourself (`graph.beginTransaction()`), for work that spans
 * calls you do not control in one callback. Unlike `writeTransaction`, it is never retried: prefer
 * the managed form when you can. Model operations join it inside {@link ExplicitTransaction.within}.
 * Every call on it raises typed Cartograph errors; a commit whose answer is lost raises
 * `CommitOutcomeUnknownError`.
 */
export class ExplicitTransaction extends GraphTransaction {
  readonly #session: Session;

  /** @internal Made by `graph.beginTransaction()`. */
  constructor(active: ActiveTransaction<Graph>, session: Session) {
    super(active);
    this.#session = session;
  }

  /** Whether neither commit nor rollback has happened yet. */
  get isOpen(): boolean {
    return this.active.tx.isOpen();
  }

  /** Runs `work` with every model operation inside it joining this transaction. */
  within<T>(work: () => Promise<T>): Promise<T> {
    if (!this.isOpen) throw new TransactionClosedError();
    return transactionContext.run(this.active, work);
  }

  /**
   * @internal Runs a statement and returns its plain rows with the server's summary (migrations
   * report what each statement changed).
   */
  async runWithSummary(
    cypher: string,
    params: Record<string, unknown> = {},
  ): Promise<{ rows: Record<string, unknown>[]; summary: ResultSummary }> {
    if (!this.isOpen) throw new TransactionClosedError();
    return this.active.graph.runInWithSummary(this.active, { cypher, params }, this.mode, (record) => {
      const row: Record<string, unknown> = {};
      for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
      return row;
    });
  }

  /**
   * Makes every change durable and closes the session.
   * @throws CommitOutcomeUnknownError when the connection failed after COMMIT was sent.
   */
  async commit(): Promise<void> {
    if (!this.isOpen) throw new TransactionClosedError();
    await commitExplicit(this.#session, this.active.tx, this.mode, this.active.deadline());
  }

  /** Discards every change and closes the session (a lost connection counts as rolled back). */
  async rollback(): Promise<void> {
    await rollbackExplicit(this.#session, this.active.tx, this.active.deadline());
  }
}
