import type { CompiledQuery } from '@cartograph/cypher';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { CallOptions } from './deadline';
import type { LostCommitRecovery } from './lost-commit-recovery';

/**
 * A compiled query: Cypher text, its parameters and the names of secret parameters. One type for
 * the whole project: the renderer of `@cartograph/cypher` produces it and the executor runs it.
 */
export type { CompiledQuery };

/** Whether a query or transaction reads or writes (routes to readers or the leader on a cluster). */
export type AccessMode = 'READ' | 'WRITE';

/**
 * Something that runs a compiled query and maps each record inside the transaction (a `Graph`).
 * Layers below the graph (schema installation, raw Cypher) take this instead of the Graph class.
 * `recovery` says how a write settles a lost COMMIT reply (see {@link LostCommitRecovery}).
 */
export interface QueryRunner {
  run<T>(
    query: CompiledQuery,
    mode: AccessMode,
    map: (record: Neo4jRecord) => T,
    options?: CallOptions,
    recovery?: LostCommitRecovery<T[]>,
  ): Promise<T[]>;
}
