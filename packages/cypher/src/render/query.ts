import type { Clause } from '../ast/clauses';
import type { Query } from '../ast/query';
import { InvalidQueryError } from '../errors';
import { renderClause } from './clauses';
import type { RenderContext } from './context';

/** Renders a query (single or UNION) at the context's current depth. */
export function renderQuery(query: Query, ctx: RenderContext): string {
  if (query.kind === 'Union') {
    if (query.queries.length === 0) throw new InvalidQueryError('UNION needs at least one query');
    const separator = `${ctx.clauseBreak()}${query.all ? 'UNION ALL' : 'UNION'}${ctx.clauseBreak()}`;
    let text = '';
    for (let i = 0; i < query.queries.length; i++) {
      const member = query.queries[i];
      if (member === undefined || member.kind !== 'Query')
        throw new InvalidQueryError('UNION members must be single queries');
      text += (i === 0 ? '' : separator) + renderQuery(member, ctx);
    }
    return text;
  }
  if (query.kind !== 'Query') {
    throw new InvalidQueryError(
      `Unknown query kind ${JSON.stringify(String((query as { kind?: unknown }).kind))}`,
    );
  }
  const { clauses } = query;
  if (clauses.length === 0) throw new InvalidQueryError('A query needs at least one clause');
  let text = renderClause(clauses[0] as Clause, ctx);
  for (let i = 1; i < clauses.length; i++)
    text += ctx.clauseBreak() + renderClause(clauses[i] as Clause, ctx);
  return text;
}

/** Renders `{ query }` for CALL subqueries and EXISTS / COUNT / COLLECT expressions. */
export function renderBlock(query: Query, ctx: RenderContext): string {
  const open = ctx.blockOpen();
  ctx.depth++;
  const body = renderQuery(query, ctx);
  ctx.depth--;
  return open + body + ctx.blockClose();
}
