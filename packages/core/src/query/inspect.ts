import type { ProfiledPlan, ResultSummary } from 'neo4j-driver';
import { type CompiledQuery } from '../graph/graph';
import type { RunOptions } from '../graph/graph-options';
import { resolveGraph } from '../graph/resolve-graph';
import { toPlain } from '../graph/to-plain';

/** One operator of an execution plan. */
export interface PlanNode {
  /** e.g. `NodeByLabelScan`, `Filter`, `ProduceResults`. */
  readonly operator: string;
  readonly identifiers: readonly string[];
  /** The operator's own description (Neo4j's `Details` column). */
  readonly details: string | undefined;
  readonly estimatedRows: number | undefined;
  /** PROFILE only: rows the operator produced. */
  readonly rows?: number;
  /** PROFILE only: database hits of the operator. */
  readonly dbHits?: number;
  /** Every argument the server reported, as plain values. */
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly children: readonly PlanNode[];
}

/** What `explain()` / `profile()` return. */
export interface PlanSummary {
  readonly mode: 'EXPLAIN' | 'PROFILE';
  readonly cypher: string;
  readonly plan: PlanNode;
  /** PROFILE only: the sum of the operators' db hits. */
  readonly totalDbHits?: number;
  /** Server notifications (performance hints, deprecations). */
  readonly notifications: readonly {
    readonly code: string;
    readonly title: string;
    readonly description: string;
  }[];
}

/**
 * Runs `EXPLAIN` (plan only, nothing executes) or `PROFILE` (executes, discards the rows) for a
 * compiled query in a read transaction of its own.
 */
export async function explainQuery(
  query: CompiledQuery,
  mode: 'EXPLAIN' | 'PROFILE',
  graph = resolveGraph(),
  options: RunOptions = {},
): Promise<PlanSummary> {
  // EXPLAIN / PROFILE are fixed keywords prefixed to text the renderer produced; no user input is added.
  const summary = await graph.summarize({ ...query, cypher: `${mode} ${query.cypher}` }, options);
  return summarize(summary, mode, query.cypher);
}

function summarize(summary: ResultSummary, mode: 'EXPLAIN' | 'PROFILE', cypher: string): PlanSummary {
  const raw = mode === 'PROFILE' ? summary.profile : summary.plan;
  if (!raw) throw new Error(`Neo4j returned no plan for ${mode}`);
  const plan = planNode(raw as ProfiledPlan, mode === 'PROFILE');
  const notifications = summary.notifications.map(({ code, title, description }) => ({
    code,
    title,
    description,
  }));
  return mode === 'PROFILE'
    ? { mode, cypher, plan, totalDbHits: sumHits(plan), notifications }
    : { mode, cypher, plan, notifications };
}

function planNode(raw: ProfiledPlan, profiled: boolean): PlanNode {
  const args = toPlain(raw.arguments ?? {}) as Record<string, unknown>;
  const estimated = args.EstimatedRows;
  const node: PlanNode = {
    operator: raw.operatorType,
    identifiers: raw.identifiers,
    details: typeof args.Details === 'string' ? args.Details : undefined,
    estimatedRows: typeof estimated === 'number' ? estimated : undefined,
    arguments: args,
    children: (raw.children ?? []).map((child) => planNode(child as ProfiledPlan, profiled)),
  };
  return profiled ? { ...node, rows: Number(raw.rows), dbHits: Number(raw.dbHits) } : node;
}

function sumHits(plan: PlanNode): number {
  return (plan.dbHits ?? 0) + plan.children.reduce((total, child) => total + sumHits(child), 0);
}
