import { ParameterCollector } from './parameters';

const INDENT = '  ';

/**
 * State of one render pass: collected parameters plus the layout rules, kept here so that every
 * clause and expression lays text out the same way.
 *
 * Compact output puts top-level clauses on their own lines and everything nested on one line;
 * pretty output indents nested blocks and puts sub-clauses (WHERE, ORDER BY, ...) on their own
 * lines.
 */
export class RenderContext {
  readonly params = new ParameterCollector();
  /** Nesting depth of `{ ... }` subquery blocks. */
  depth = 0;

  constructor(readonly pretty: boolean) {}

  /** Goes between the clauses of the query at the current depth. */
  clauseBreak(): string {
    if (this.pretty) return `\n${INDENT.repeat(this.depth)}`;
    return this.depth === 0 ? '\n' : ' ';
  }

  /** Goes before a sub-clause such as WHERE, ORDER BY or ON CREATE SET. */
  partBreak(): string {
    return this.pretty ? `\n${INDENT.repeat(this.depth + 1)}` : ' ';
  }

  /** Text that opens a `{ ... }` block whose body is rendered at `depth + 1`. */
  blockOpen(): string {
    return this.pretty ? `{\n${INDENT.repeat(this.depth + 1)}` : '{ ';
  }

  blockClose(): string {
    return this.pretty ? `\n${INDENT.repeat(this.depth)}}` : ' }';
  }
}
