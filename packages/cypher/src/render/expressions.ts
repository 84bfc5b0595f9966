import type { CaseExpr, Expr, MapEntry, MapProjection } from '../ast/expressions';
import { InvalidQueryError } from '../errors';
import { assertQualifiedName } from '../validation/names';
import type { RenderContext } from './context';
import { escapeIdentifier } from './identifier';
import { renderLiteral } from './literals';
import { renderPattern } from './patterns';
import { renderBlock } from './query';

// Operator text comes from lookup tables rather than from the node, so a hand-built node with a
// bogus operator fails loudly instead of writing arbitrary text into the query.
const COMPARISON = new Map<string, string>([
  ['=', ' = '],
  ['<>', ' <> '],
  ['<', ' < '],
  ['<=', ' <= '],
  ['>', ' > '],
  ['>=', ' >= '],
  ['IN', ' IN '],
  ['STARTS WITH', ' STARTS WITH '],
  ['ENDS WITH', ' ENDS WITH '],
  ['CONTAINS', ' CONTAINS '],
  ['=~', ' =~ '],
]);
const ARITHMETIC = new Map<string, string>([
  ['+', ' + '],
  ['-', ' - '],
  ['*', ' * '],
  ['/', ' / '],
  ['%', ' % '],
]);
const BOOLEAN = new Map<string, string>([
  ['AND', ' AND '],
  ['OR', ' OR '],
  ['XOR', ' XOR '],
]);
const SUBQUERY = new Map<string, string>([
  ['EXISTS', 'EXISTS '],
  ['COUNT', 'COUNT '],
  ['COLLECT', 'COLLECT '],
]);

/** Renders an expression in a position where it needs no parentheses (WHERE, RETURN, arguments). */
export function renderExpr(expr: Expr, ctx: RenderContext): string {
  switch (expr.kind) {
    case 'Variable':
      return escapeIdentifier(expr.name);
    case 'Param':
      return ctx.params.placeholder(expr);
    case 'Literal':
      return renderLiteral(expr);
    case 'Property':
      return `${operand(expr.object, ctx)}.${escapeIdentifier(expr.key)}`;
    case 'FunctionCall':
      assertQualifiedName(expr.name, 'function');
      return `${expr.name}(${expr.distinct ? 'DISTINCT ' : ''}${renderList(expr.args, ctx)})`;
    case 'Star':
      return '*';
    case 'Comparison':
      return operand(expr.left, ctx) + operator(COMPARISON, expr.operator) + operand(expr.right, ctx);
    case 'Arithmetic':
      return operand(expr.left, ctx) + operator(ARITHMETIC, expr.operator) + operand(expr.right, ctx);
    case 'Boolean':
      return renderBoolean(expr.operator, expr.operands, ctx);
    case 'Not':
      return `NOT ${operand(expr.operand, ctx)}`;
    case 'NullCheck':
      return operand(expr.operand, ctx) + (expr.negated ? ' IS NOT NULL' : ' IS NULL');
    case 'HasLabels':
      if (expr.labels.length === 0) throw new InvalidQueryError('A label predicate needs at least one label');
      return escapeIdentifier(expr.subject.name) + renderLabels(expr.labels);
    case 'List':
      return `[${renderList(expr.items, ctx)}]`;
    case 'Map':
      return renderMap(expr.entries, ctx);
    case 'MapProjection':
      return renderMapProjection(expr, ctx);
    case 'Subquery':
      return operator(SUBQUERY, expr.operator) + renderBlock(expr.query, ctx);
    case 'ListComprehension':
      return (
        `[${escapeIdentifier(expr.variable)} IN ${renderExpr(expr.list, ctx)}` +
        (expr.where === undefined ? '' : ` WHERE ${renderExpr(expr.where, ctx)}`) +
        (expr.map === undefined ? ']' : ` | ${renderExpr(expr.map, ctx)}]`)
      );
    case 'PatternComprehension':
      return (
        `[${renderPattern(expr.pattern, ctx)}` +
        (expr.where === undefined ? '' : ` WHERE ${renderExpr(expr.where, ctx)}`) +
        ` | ${renderExpr(expr.map, ctx)}]`
      );
    case 'Index':
      return `${operand(expr.list, ctx)}[${renderExpr(expr.index, ctx)}]`;
    case 'Slice':
      return (
        `${operand(expr.list, ctx)}[${expr.from === undefined ? '' : renderExpr(expr.from, ctx)}..` +
        `${expr.to === undefined ? '' : renderExpr(expr.to, ctx)}]`
      );
    case 'Case':
      return renderCase(expr, ctx);
    default:
      return unknownKind(expr);
  }
}

/** Renders `:A:B` (with leading colon). */
export function renderLabels(labels: readonly string[]): string {
  let text = '';
  for (const label of labels) text += `:${escapeIdentifier(label)}`;
  return text;
}

/** Renders a comma-separated list of expressions. */
export function renderList(items: readonly Expr[], ctx: RenderContext): string {
  let text = '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Expr;
    text += i === 0 ? renderExpr(item, ctx) : `, ${renderExpr(item, ctx)}`;
  }
  return text;
}

/**
 * Wraps everything that is not a single syntactic unit, so the reader never has to know Cypher's
 * precedence table and the renderer never gets it wrong.
 */
export function operand(expr: Expr, ctx: RenderContext): string {
  return isAtomic(expr) ? renderExpr(expr, ctx) : `(${renderExpr(expr, ctx)})`;
}

function isAtomic(expr: Expr): boolean {
  switch (expr.kind) {
    case 'Comparison':
    case 'Arithmetic':
    case 'Boolean':
    case 'Not':
    case 'NullCheck':
    case 'HasLabels':
    case 'MapProjection':
    case 'Case':
      return false;
    case 'Literal':
      return typeof expr.value !== 'number' || expr.value >= 0;
    default:
      return true;
  }
}

/**
 * The one place precedence is relied on: predicates (comparisons, IS NULL, label checks) and NOT
 * bind tighter than AND/XOR/OR in every Cypher version. Leaving those unwrapped keeps the common
 * `a = $p0 AND NOT (b IS NULL)` readable; everything else is parenthesised.
 */
function booleanOperand(expr: Expr, ctx: RenderContext): string {
  const kind = expr.kind;
  if (kind === 'Comparison' || kind === 'NullCheck' || kind === 'HasLabels' || kind === 'Not') {
    return renderExpr(expr, ctx);
  }
  return operand(expr, ctx);
}

function renderBoolean(op: string, operands: readonly Expr[], ctx: RenderContext): string {
  const separator = operator(BOOLEAN, op);
  const only = operands[0];
  if (only === undefined) return op === 'AND' ? 'true' : 'false';
  if (operands.length === 1) return renderExpr(only, ctx);
  let text = '';
  for (let i = 0; i < operands.length; i++) {
    const rendered = booleanOperand(operands[i] as Expr, ctx);
    text += i === 0 ? rendered : separator + rendered;
  }
  return text;
}

/** Renders `{key: value, ...}`. */
export function renderMap(entries: readonly MapEntry[], ctx: RenderContext): string {
  let text = '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i] as MapEntry;
    text += `${i === 0 ? '' : ', '}${escapeIdentifier(key)}: ${renderExpr(value, ctx)}`;
  }
  return `${text}}`;
}

function renderCase(expr: CaseExpr, ctx: RenderContext): string {
  if (expr.branches.length === 0) throw new InvalidQueryError('CASE needs at least one WHEN branch');
  let text = 'CASE';
  for (const [when, then] of expr.branches) {
    text += ` WHEN ${renderExpr(when, ctx)} THEN ${renderExpr(then, ctx)}`;
  }
  if (expr.otherwise !== undefined) text += ` ELSE ${renderExpr(expr.otherwise, ctx)}`;
  return `${text} END`;
}

function renderMapProjection(expr: MapProjection, ctx: RenderContext): string {
  const parts: string[] = [];
  if (expr.all) parts.push('.*');
  for (const key of expr.properties) parts.push(`.${escapeIdentifier(key)}`);
  for (const [key, value] of expr.extra) parts.push(`${escapeIdentifier(key)}: ${renderExpr(value, ctx)}`);
  return `${escapeIdentifier(expr.subject.name)} {${parts.join(', ')}}`;
}

function operator(table: ReadonlyMap<string, string>, op: string): string {
  const text = table.get(op);
  if (text === undefined) throw new InvalidQueryError(`Unknown operator ${JSON.stringify(op)}`);
  return text;
}

function unknownKind(node: never): never {
  const kind = (node as { kind?: unknown }).kind;
  throw new InvalidQueryError(`Unknown expression kind ${JSON.stringify(String(kind))}`);
}
