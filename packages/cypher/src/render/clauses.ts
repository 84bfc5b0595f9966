import type {
  CallProcedure,
  CallSubquery,
  Clause,
  ProjectionBody,
  ProjectionItem,
  RemoveItem,
  SetItem,
  SortItem,
} from '../ast/clauses';
import type { Expr } from '../ast/expressions';
import { InvalidQueryError } from '../errors';
import {
  assertAliasedWithItem,
  assertInTransactions,
  assertItems,
  assertSortDirection,
} from '../validation/clauses';
import { assertQualifiedName } from '../validation/names';
import type { RenderContext } from './context';
import { operand, renderExpr, renderLabels, renderList } from './expressions';
import { escapeIdentifier } from './identifier';
import { renderPattern, renderPatterns } from './patterns';
import { renderBlock } from './query';

/** Renders one clause (without a trailing separator). */
export function renderClause(clause: Clause, ctx: RenderContext): string {
  switch (clause.kind) {
    case 'Match':
      return (
        `${clause.optional ? 'OPTIONAL MATCH ' : 'MATCH '}${renderPatterns(clause.patterns, ctx, 'MATCH')}` +
        (clause.where === undefined ? '' : `${ctx.partBreak()}WHERE ${renderExpr(clause.where, ctx)}`)
      );
    case 'Create':
      return `CREATE ${renderPatterns(clause.patterns, ctx, 'CREATE')}`;
    case 'Merge':
      return (
        `MERGE ${renderPattern(clause.pattern, ctx)}` +
        (clause.onCreate.length === 0
          ? ''
          : `${ctx.partBreak()}ON CREATE SET ${renderSetItems(clause.onCreate, ctx)}`) +
        (clause.onMatch.length === 0
          ? ''
          : `${ctx.partBreak()}ON MATCH SET ${renderSetItems(clause.onMatch, ctx)}`)
      );
    case 'With':
      for (const item of clause.items) assertAliasedWithItem(item);
      return (
        `WITH ${renderProjection(clause, ctx, 'WITH')}` +
        (clause.where === undefined ? '' : `${ctx.partBreak()}WHERE ${renderExpr(clause.where, ctx)}`)
      );
    case 'Return':
      return `RETURN ${renderProjection(clause, ctx, 'RETURN')}`;
    case 'Unwind':
      return `UNWIND ${renderExpr(clause.expr, ctx)} AS ${escapeIdentifier(clause.alias)}`;
    case 'Set':
      assertItems(clause.items, 'SET');
      return `SET ${renderSetItems(clause.items, ctx)}`;
    case 'Remove':
      assertItems(clause.items, 'REMOVE');
      return `REMOVE ${clause.items.map((item) => renderRemoveItem(item, ctx)).join(', ')}`;
    case 'Delete':
      assertItems(clause.exprs, 'DELETE');
      return `${clause.detach ? 'DETACH DELETE ' : 'DELETE '}${renderList(clause.exprs, ctx)}`;
    case 'CallSubquery':
      return renderCallSubquery(clause, ctx);
    case 'CallProcedure':
      return renderCallProcedure(clause, ctx);
    case 'OrderBy':
      return `ORDER BY ${renderSortItems(clause.items, ctx)}`;
    case 'Skip':
      return `SKIP ${renderExpr(clause.expr, ctx)}`;
    case 'Limit':
      return `LIMIT ${renderExpr(clause.expr, ctx)}`;
    default: {
      const kind: unknown = (clause as { kind?: unknown }).kind;
      throw new InvalidQueryError(`Unknown clause kind ${JSON.stringify(String(kind))}`);
    }
  }
}

function renderProjection(body: ProjectionBody, ctx: RenderContext, clause: string): string {
  assertItems(body.items, clause);
  let text = body.distinct ? 'DISTINCT ' : '';
  for (let i = 0; i < body.items.length; i++) {
    text += (i === 0 ? '' : ', ') + renderProjectionItem(body.items[i] as ProjectionItem, ctx);
  }
  if (body.orderBy.length > 0) text += `${ctx.partBreak()}ORDER BY ${renderSortItems(body.orderBy, ctx)}`;
  if (body.skip !== undefined) text += `${ctx.partBreak()}SKIP ${renderExpr(body.skip, ctx)}`;
  if (body.limit !== undefined) text += `${ctx.partBreak()}LIMIT ${renderExpr(body.limit, ctx)}`;
  return text;
}

function renderProjectionItem(item: ProjectionItem, ctx: RenderContext): string {
  const expr = renderExpr(item.expr, ctx);
  return item.alias === undefined ? expr : `${expr} AS ${escapeIdentifier(item.alias)}`;
}

function renderSortItems(items: readonly SortItem[], ctx: RenderContext): string {
  assertItems(items, 'ORDER BY');
  let text = '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as SortItem;
    assertSortDirection(item.direction);
    text += (i === 0 ? '' : ', ') + renderExpr(item.expr, ctx);
    if (item.direction !== undefined) text += ` ${item.direction}`;
  }
  return text;
}

// Values assigned by SET are parenthesised when compound, so `n.adult = (n.age >= 18)` can
// never be misread as a chain of assignments.
function renderSetItems(items: readonly SetItem[], ctx: RenderContext): string {
  let text = '';
  for (let i = 0; i < items.length; i++) {
    text += (i === 0 ? '' : ', ') + renderSetItem(items[i] as SetItem, ctx);
  }
  return text;
}

function renderSetItem(item: SetItem, ctx: RenderContext): string {
  switch (item.kind) {
    case 'SetProperty':
      return `${renderExpr(item.property, ctx)} = ${operand(item.value, ctx)}`;
    case 'SetMerge':
      return `${escapeIdentifier(item.variable.name)} += ${operand(item.value, ctx)}`;
    case 'SetReplace':
      return `${escapeIdentifier(item.variable.name)} = ${operand(item.value, ctx)}`;
    case 'SetLabels':
      return escapeIdentifier(item.variable.name) + nonEmptyLabels(item.labels);
    default:
      throw new InvalidQueryError(`Unknown SET item kind ${JSON.stringify(String((item as Expr).kind))}`);
  }
}

function renderRemoveItem(item: RemoveItem, ctx: RenderContext): string {
  switch (item.kind) {
    case 'RemoveProperty':
      return renderExpr(item.property, ctx);
    case 'RemoveLabels':
      return escapeIdentifier(item.variable.name) + nonEmptyLabels(item.labels);
    default:
      throw new InvalidQueryError(`Unknown REMOVE item kind ${JSON.stringify(String((item as Expr).kind))}`);
  }
}

function nonEmptyLabels(labels: readonly string[]): string {
  if (labels.length === 0) throw new InvalidQueryError('Setting or removing labels needs at least one label');
  return renderLabels(labels);
}

function renderCallSubquery(clause: CallSubquery, ctx: RenderContext): string {
  const imports =
    clause.importVariables === '*' ? '*' : clause.importVariables.map(escapeIdentifier).join(', ');
  let text = `CALL (${imports}) ${renderBlock(clause.query, ctx)}`;
  const tx = clause.inTransactions;
  if (tx !== undefined) {
    assertInTransactions(tx);
    text += ' IN TRANSACTIONS';
    if (tx.ofRows !== undefined) text += ` OF ${tx.ofRows} ROWS`;
    if (tx.onError !== undefined) text += ` ON ERROR ${tx.onError}`;
  }
  return text;
}

function renderCallProcedure(clause: CallProcedure, ctx: RenderContext): string {
  assertQualifiedName(clause.name, 'procedure');
  const text = `CALL ${clause.name}(${renderList(clause.args, ctx)})`;
  if (clause.yield.length === 0) return text;
  const items = clause.yield.map((item) =>
    item.alias === undefined || item.alias === item.name
      ? escapeIdentifier(item.name)
      : `${escapeIdentifier(item.name)} AS ${escapeIdentifier(item.alias)}`,
  );
  return `${text} YIELD ${items.join(', ')}`;
}
