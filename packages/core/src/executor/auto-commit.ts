import type { Span } from '@opentelemetry/api';
import type { Record as Neo4jRecord, ResultSummary, Session } from 'neo4j-driver';
import { type CallOptions, Deadline, type DeadlineWatch } from './deadline';
import type { ExecutorHost } from './executor-host';
import { queryFailure } from './query-failure';
import { runUncaptured } from './run-uncaptured';
import { severSession } from './sever-session';
import { CommitSent, type TransactionPlan } from './transaction-attempt';
import { transactionConfig } from './transaction-config';
import { runRetried } from './transaction-loop';
import type { AccessMode, CompiledQuery } from './types';

/**
 * Runs one statement in an auto-commit transaction (what schema commands and
 * `CALL { } IN TRANSACTIONS` need), handing each record to `onRecord` as the server produces it.
 * Logged once, bounded by the call's deadline, failures typed. Not retried: a batched statement
 * commits as it goes, so only its caller knows whether repeating it is safe.
 */
export function runAutoCommit(
  host: ExecutorHost,
  query: CompiledQuery,
  mode: AccessMode,
  onRecord: (record: Neo4jRecord) => void,
  options: CallOptions & { readonly database?: string } = {},
): Promise<ResultSummary> {
  const deadline = Deadline.start(options, host.defaultTimeoutMs);
  return sendStatement(host, query, mode, onRecord, { deadline, database: options.database });
}

/**
 * Runs one statement as an auto-commit query: one round trip (the driver sends RUN and PULL
 * together, and the server commits when the statement completes), where a managed transaction
 * needs a second one for COMMIT. Records are mapped once the statement has completed.
 *
 * Retried like a managed transaction ({@link runRetried}): a read whenever the failure allows
 * (running it twice changes nothing); a write only when the server answered that nothing was
 * applied, since once the statement was sent a lost connection leaves its outcome unknown, which
 * `plan.applied` / `plan.idempotent` settle or CommitOutcomeUnknownError reports.
 */
export function runAutoCommitRetried<G, T>(
  host: ExecutorHost<G>,
  plan: TransactionPlan<T[]>,
  query: CompiledQuery,
  map: (record: Neo4jRecord) => T,
): Promise<T[]> {
  return runRetried(host, plan, async (span) => {
    plan.deadline.check();
    // Per attempt: the server's timeout is what is left of the deadline now.
    const config = transactionConfig(plan.deadline, plan.metadata, plan.mode);
    const records: Neo4jRecord[] = [];
    try {
      await sendStatement(host, query, plan.mode, (record) => records.push(record), {
        deadline: plan.deadline,
        database: plan.database,
        config,
        span,
      });
    } catch (error) {
      // For a write the statement is its own COMMIT: once sent, a failure may follow its commit.
      throw plan.mode === 'WRITE' ? new CommitSent(error) : error;
    }
    const rows = new Array<T>(records.length);
    for (let i = 0; i < records.length; i++) rows[i] = map(records[i] as Neo4jRecord);
    return rows;
  });
}

interface StatementOptions {
  readonly deadline: Deadline;
  readonly database: string | undefined;
  readonly config?: ReturnType<typeof transactionConfig>;
  /** The span of the retried call the statement belongs to. */
  readonly span?: Span;
}

/** One auto-commit statement on a session of its own: logged, traced, bounded, failures typed. */
async function sendStatement(
  host: ExecutorHost,
  query: CompiledQuery,
  mode: AccessMode,
  onRecord: (record: Neo4jRecord) => void,
  { deadline, database, config, span }: StatementOptions,
): Promise<ResultSummary> {
  const session = host.session(mode, database);
  const started = performance.now();
  const trace = host.telemetry.startQuery(query, mode, database ?? host.database, undefined, span);
  const statement = new Statement(session, onRecord);
  try {
    deadline.check();
    const summary = await statement.run(query, config, deadline);
    host.log(query, mode, started, statement.rows, summary.notifications);
    host.telemetry.endQuery(trace, statement.rows);
    // The driver hands over the end of a result only once it has released the connection, so
    // closing the session waits on nothing and needs no deadline of its own.
    await session.close();
    return summary;
  } catch (error) {
    const failure = queryFailure(error, deadline, query);
    host.log(query, mode, started, statement.rows, [], failure);
    host.telemetry.endQuery(trace, statement.rows, failure);
    if (!statement.severed) {
      await deadline.race(session.close(), () => severSession(session)).catch(() => undefined);
    }
    throw failure;
  }
}

/**
 * One statement's result observer: counts and hands over the records, and settles the statement
 * when the server ends it or the deadline does (severing the session, so that a silent network
 * path cannot hold the call). A class rather than closures: this runs once per query.
 */
class Statement {
  rows = 0;
  severed = false;
  readonly #session: Session;
  readonly #onRecord: (record: Neo4jRecord) => void;
  #resolve: ((summary: ResultSummary) => void) | undefined;
  #reject: ((error: unknown) => void) | undefined;
  #watch: DeadlineWatch | undefined;

  constructor(session: Session, onRecord: (record: Neo4jRecord) => void) {
    this.#session = session;
    this.#onRecord = onRecord;
  }

  run(
    query: CompiledQuery,
    config: ReturnType<typeof transactionConfig>,
    deadline: Deadline,
  ): Promise<ResultSummary> {
    return new Promise<ResultSummary>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
      this.#watch = deadline.watch((failure) => {
        this.severed = true;
        severSession(this.#session);
        reject(failure);
      });
      try {
        runUncaptured(this.#session, query.cypher, query.params, config).subscribe(this);
      } catch (error) {
        this.#watch?.stop();
        throw error;
      }
    });
  }

  onNext(record: Neo4jRecord): void {
    this.rows += 1;
    this.#onRecord(record);
  }

  onCompleted(summary: ResultSummary): void {
    this.#watch?.stop();
    this.#resolve?.(summary);
  }

  onError(error: unknown): void {
    this.#watch?.stop();
    this.#reject?.(error);
  }
}
