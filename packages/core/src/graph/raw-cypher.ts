import { isNode, type Node as Neo4jNode, type Record as Neo4jRecord } from 'neo4j-driver';
import { InvalidResultError } from '../errors';
import type { CallOptions } from '../executor/deadline';
import type { AccessMode, CompiledQuery, QueryRunner } from '../executor/types';
import { hydrateNode } from '../mapping/hydrate';
import type { ModelClass } from '../mapping/model-types';
import { registry } from '../registry/schema-registry';
import { usesInTransactions } from './in-transactions';
import { toPlain } from './to-plain';

/** Options of {@link runCypher} (`graph.cypher`); `timeoutMs` / `signal` bound the call. */
export interface CypherOptions<T = unknown> extends CallOptions {
  /** Build instances of this model from each record's node column. */
  readonly inflate?: ModelClass<T>;
  /** Default `WRITE`, since raw Cypher may write; pass `READ` to let a cluster route it to a reader. */
  readonly mode?: AccessMode;
  /**
   * Run as an auto-commit transaction (one statement the server commits itself, as
   * `CALL { ... } IN TRANSACTIONS` needs). Default: when the text uses `IN TRANSACTIONS`. Such a
   * statement is not retried: it commits as it goes, so running it again could repeat what had
   * committed. Inside a transaction callback the statement joins that transaction instead.
   */
  readonly autoCommit?: boolean;
}

/** A query runner that can also run one statement in an auto-commit transaction (a `Graph`). */
interface AutoCommitRunner extends QueryRunner {
  autoCommit(
    query: CompiledQuery,
    mode: AccessMode,
    onRecord: (record: Neo4jRecord) => void,
    options?: CallOptions,
  ): Promise<unknown>;
  hasActiveTransaction(): boolean;
}

/**
 * The escape hatch: runs your own Cypher (joining the active transaction, logged like every query).
 * With `inflate`, each record must hold exactly one node, which becomes an instance of the model;
 * otherwise rows come back as plain objects (`toPlain`). Pass values as `params`, never in the text.
 */
export function runCypher<T>(
  graph: QueryRunner,
  cypher: string,
  params: Record<string, unknown> | undefined,
  options: CypherOptions<T> & { readonly inflate: ModelClass<T> },
): Promise<T[]>;
export function runCypher(
  graph: QueryRunner,
  cypher: string,
  params?: Record<string, unknown>,
  options?: CypherOptions<never>,
): Promise<Record<string, unknown>[]>;
export function runCypher<T>(
  graph: QueryRunner,
  cypher: string,
  params?: Record<string, unknown>,
  options?: CypherOptions<T>,
): Promise<unknown[]>;
export function runCypher<T>(
  graph: QueryRunner,
  cypher: string,
  params: Record<string, unknown> = {},
  options: CypherOptions<T> = {},
): Promise<unknown[]> {
  const mode = options.mode ?? 'WRITE';
  const model = options.inflate;
  const bounds = { timeoutMs: options.timeoutMs, signal: options.signal };
  // Every model class constructs objects; the cast only restores what ModelClass<T> cannot express.
  const definition = model ? registry.node(model as ModelClass<T & object>) : undefined;
  const map: (record: Neo4jRecord) => unknown = definition
    ? (record: Neo4jRecord) => hydrateNode<T & object>(definition, singleNode(record, definition.name))
    : plainRow;
  if ((options.autoCommit ?? usesInTransactions(cypher)) && canAutoCommit(graph)) {
    return autoCommitted(graph, { cypher, params }, mode, map, bounds);
  }
  return graph.run({ cypher, params }, mode, map, bounds);
}

function canAutoCommit(graph: QueryRunner): graph is AutoCommitRunner {
  const runner = graph as Partial<AutoCommitRunner>;
  return typeof runner.autoCommit === 'function' && runner.hasActiveTransaction?.() === false;
}

async function autoCommitted<R>(
  graph: AutoCommitRunner,
  query: CompiledQuery,
  mode: AccessMode,
  map: (record: Neo4jRecord) => R,
  bounds: CallOptions,
): Promise<R[]> {
  const rows: R[] = [];
  await graph.autoCommit(query, mode, (record) => rows.push(map(record)), bounds);
  return rows;
}

/** Alias of {@link CypherOptions}. */
export type RawCypherOptions<T = unknown> = CypherOptions<T>;

function plainRow(record: Neo4jRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key of record.keys) row[key as string] = toPlain(record.get(key));
  return row;
}

function singleNode(record: Neo4jRecord, model: string): Neo4jNode {
  const nodes = record.keys.map((key) => record.get(key)).filter(isNode);
  if (nodes.length !== 1) {
    throw new InvalidResultError(
      `inflate: ${model} needs exactly one node per record, got ${nodes.length} (columns: ${record.keys.join(', ')}). Return just the node, e.g. RETURN n.`,
    );
  }
  return nodes[0] as Neo4jNode;
}
