import type { Expr, ExprKind } from './expressions';

const EXPR_KINDS: ReadonlySet<string> = new Set<ExprKind>([
  'Variable',
  'Param',
  'Literal',
  'Property',
  'FunctionCall',
  'Star',
  'Comparison',
  'Arithmetic',
  'Boolean',
  'Not',
  'NullCheck',
  'HasLabels',
  'List',
  'Map',
  'MapProjection',
  'Subquery',
  'ListComprehension',
  'PatternComprehension',
  'Index',
  'Slice',
  'Case',
]);

/** True when `value` is an expression node (as opposed to, say, a `{ expr, alias }` item). */
export function isExpr(value: unknown): value is Expr {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    typeof value.kind === 'string' &&
    EXPR_KINDS.has(value.kind)
  );
}
