import { type ExplicitTransaction, type Graph, toPlain } from '@cartograph/core';
import { runAutoCommitted, runWithSummary } from '@cartograph/core/internal';
import type { Record as Neo4jRecord, ResultSummary } from 'neo4j-driver';
import { statementKind } from './statement-kind';

/** Cypher text plus parameters. */
export interface Statement {
  readonly cypher: string;
  readonly params?: Record<string, unknown>;
}

// Migration steps may run for hours (backfills in batches), so they carry no client deadline; the
// server's own limits apply. Every step still goes through the graph's executor: logged, typed errors.
const UNBOUNDED = { timeoutMs: 0 } as const;

/**
 * Runs one migration's statements as a series of steps. Plain statements join an open explicit
 * transaction (opened on first use); a schema or batched statement first commits that transaction,
 * then runs in an auto-commit transaction of its own. So a migration of only plain statements is
 * one transaction, and a mixed one commits step by step.
 */
export class StepRunner {
  readonly #graph: Graph;
  readonly #onSummary: (cypher: string, summary: ResultSummary) => void;
  #tx: Promise<ExplicitTransaction> | undefined;
  /** Statements that changed something and are committed, for failure messages. */
  readonly committed: string[] = [];
  /** A batched statement that failed after some of its inner transactions may have committed. */
  partial: string | undefined;
  #pending: string[] = [];

  constructor(graph: Graph, onSummary: (cypher: string, summary: ResultSummary) => void) {
    this.#graph = graph;
    this.#onSummary = onSummary;
  }

  /** Runs in the open transaction (opening one when needed); rows come back plain. */
  async inTransaction(statement: Statement): Promise<Record<string, unknown>[]> {
    this.#tx ??= this.#graph.beginTransaction('WRITE', UNBOUNDED);
    const tx = await this.#tx;
    const { rows, summary } = await runWithSummary(tx, statement.cypher, statement.params ?? {});
    if (changedSomething(summary)) this.#pending.push(statement.cypher);
    this.#onSummary(statement.cypher, summary);
    return rows;
  }

  /**
   * Commits the open transaction, then runs the statement in an auto-commit transaction,
   * streaming its rows to `onRow` as the server produces them (batched statements yield rows as
   * each inner transaction commits).
   */
  async autoCommit(
    statement: Statement,
    onRow?: (row: Record<string, unknown>) => void,
  ): Promise<Record<string, unknown>[]> {
    await this.commit();
    const rows: Record<string, unknown>[] = [];
    let streamed = false;
    const query = { cypher: statement.cypher, params: statement.params ?? {} };
    const summary = await runAutoCommitted(
      this.#graph,
      query,
      'WRITE',
      (record) => {
        streamed = true;
        const row = plainRow(record);
        if (onRow) onRow(row);
        else rows.push(row);
      },
      UNBOUNDED,
    ).catch((error: unknown) => {
      // Inner transactions of `CALL { } IN TRANSACTIONS` commit one by one; some may have.
      if (streamed || statementKind(statement.cypher) === 'batched') this.partial = statement.cypher;
      throw error;
    });
    if (changedSomething(summary)) this.committed.push(statement.cypher);
    this.#onSummary(statement.cypher, summary);
    return rows;
  }

  /** Commits the open transaction, if any. */
  async commit(): Promise<void> {
    const pending = this.#tx;
    if (!pending) return;
    this.#tx = undefined;
    await (await pending).commit();
    this.committed.push(...this.#pending);
    this.#pending = [];
  }

  /** Rolls back the open transaction, if any; committed steps stay. */
  async rollback(): Promise<void> {
    const pending = this.#tx;
    this.#tx = undefined;
    this.#pending = [];
    if (!pending) return;
    const tx = await pending.catch(() => undefined);
    if (tx?.isOpen) await tx.rollback();
  }

  async close(): Promise<void> {
    await this.rollback().catch(() => undefined);
  }
}

function changedSomething(summary: ResultSummary): boolean {
  return summary.counters.containsUpdates() || summary.counters.containsSystemUpdates();
}

function plainRow(record: Neo4jRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
  return row;
}
