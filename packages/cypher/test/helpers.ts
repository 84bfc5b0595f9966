import { type CompiledQuery, type Expr, query, render, returnClause } from '../src';

/** Renders a lone expression by projecting it, then strips the `RETURN ` prefix. */
export function renderExpression(expr: Expr): CompiledQuery {
  const compiled = render(query(returnClause([expr])));
  return { cypher: compiled.cypher.slice('RETURN '.length), params: compiled.params };
}

/** Text of a lone expression. */
export function exprText(expr: Expr): string {
  return renderExpression(expr).cypher;
}
