import type { Graph } from '@cartograph/core';
import type { PlannedSchemaItem } from '@cartograph/core/internal';
import { runCompiled } from '@cartograph/core/internal';
import { callProcedure, literal, query, render } from '@cartograph/cypher';
import { diffSchema, type SchemaDiff } from './diff-schema';
import { planFromRegistry } from './plan-from-registry';
import { readDatabaseSchema } from './read-database-schema';
import { schemaStatements } from './schema-statements';

/** Options of {@link syncSchema}. */
export interface SyncSchemaOptions {
  /** Drop undeclared items and replace conflicting ones; default false. */
  drop?: boolean;
  /** Compute the diff and statements without running them; default false. */
  dryRun?: boolean;
  /** The items to reach; default {@link planFromRegistry}(). */
  planned?: readonly PlannedSchemaItem[];
  /** How long to wait for new indexes to come online, in seconds; default 300. */
  awaitIndexesSeconds?: number;
}

/** What {@link syncSchema} found and did. */
export interface SyncSchemaResult {
  /** The diff before any statement ran. */
  readonly diff: SchemaDiff;
  readonly statements: string[];
  /** True when the statements were run (even when there were none), false on a dry run. */
  readonly applied: boolean;
}

/**
 * Makes the database's constraints and indexes match the models: reads the schema, diffs it,
 * and runs each statement in its own transaction (Neo4j does not mix schema commands with each
 * other or with data in one transaction). Then waits until every index is ONLINE, so queries
 * right after a sync can use them. Conflicts and undeclared items are only touched with `drop`;
 * Enterprise-only items on Community stay in `diff.unsupported`.
 */
export async function syncSchema(graph: Graph, options: SyncSchemaOptions = {}): Promise<SyncSchemaResult> {
  const planned = options.planned ?? planFromRegistry();
  const diff = diffSchema(planned, await readDatabaseSchema(graph));
  const statements = schemaStatements(diff, { drop: options.drop === true });
  if (options.dryRun) return { diff, statements, applied: false };
  // Every statement is `IF [NOT] EXISTS`, so one whose COMMIT reply was lost is simply run again.
  for (const cypher of statements) {
    await runCompiled(graph, { cypher, params: {} }, 'WRITE', () => undefined, {}, { idempotent: true });
  }
  if (statements.length > 0) {
    const wait = callProcedure('db.awaitIndexes', [literal(options.awaitIndexesSeconds ?? 300)]);
    // On a cluster the leader, which just created the indexes, is the member worth waiting on. The
    // procedure bounds its own wait, which may exceed the graph's default deadline.
    await runCompiled(
      graph,
      render(query(wait)),
      'WRITE',
      () => undefined,
      { timeoutMs: 0 },
      { idempotent: true },
    );
  }
  return { diff, statements, applied: true };
}
