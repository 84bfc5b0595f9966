import type { Query } from '../ast/query';
import type { SchemaCommand } from '../ast/schema-commands';
import { RenderContext } from './context';
import { renderQuery } from './query';
import { renderSchemaCommand } from './schema-commands';

/**
 * Cypher text plus the values of its `$parameters`, ready for `session.run(cypher, params)`. The
 * one compiled-query type of Cartograph: `@cartograph/core` runs exactly this.
 */
export interface CompiledQuery {
  readonly cypher: string;
  readonly params: Record<string, unknown>;
  /** Parameter names, or keys at any depth inside parameters, whose values are secret (see core's `redactParams`). */
  readonly sensitive?: readonly string[];
  /**
   * The name of the model the query reads or writes (`Person`), for telemetry and the query log;
   * set by core's query compiler and model operations, absent on raw Cypher.
   */
  readonly model?: string;
}

/** Options of {@link render}. */
export interface RenderOptions {
  /** Indent nested blocks and put WHERE / ORDER BY / SKIP / LIMIT / ON ... SET on their own lines. */
  pretty?: boolean;
}

/**
 * Renders a query or schema command to Cypher text and collects its parameters.
 *
 * Output is deterministic: the same AST shape yields the same text (anonymous parameters are
 * numbered `p0`, `p1`, ... by first appearance), so callers may cache text per shape. By default
 * top-level clauses are separated by newlines and everything else by single spaces.
 *
 * @throws InvalidIdentifierError when a name cannot be escaped safely.
 * @throws InvalidQueryError when the AST does not describe valid Cypher.
 */
export function render(node: Query | SchemaCommand, options?: RenderOptions): CompiledQuery {
  const ctx = new RenderContext(options?.pretty === true);
  const cypher =
    node.kind === 'Query' || node.kind === 'Union' ? renderQuery(node, ctx) : renderSchemaCommand(node);
  return { cypher, params: ctx.params.values };
}
