import type { Span } from '@opentelemetry/api';
import type { Record as Neo4jRecord, ResultSummary } from 'neo4j-driver';
import { type CallOptions, Deadline } from './deadline';
import type { ExecutorHost } from './executor-host';
import { queryFailure } from './query-failure';
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
  const abandon = () => severSession(session);
  const started = performance.now();
  let rows = 0;
  const trace = host.telemetry.startQuery(query, mode, database ?? host.database, undefined, span);
  try {
    const summary = await deadline.race(
      new Promise<ResultSummary>((resolve, reject) => {
        session.run(query.cypher, query.params, config).subscribe({
          onNext: (record) => {
            rows += 1;
            onRecord(record);
          },
          onCompleted: resolve,
          onError: reject,
        });
      }),
      abandon,
    );
    host.log(query, mode, started, rows, summary.notifications);
    host.telemetry.endQuery(trace, rows);
    return summary;
  } catch (error) {
    const failure = queryFailure(error, deadline, query);
    host.log(query, mode, started, rows, [], failure);
    host.telemetry.endQuery(trace, rows, failure);
    throw failure;
  } finally {
    await deadline.race(session.close(), abandon).catch(() => undefined);
  }
}
