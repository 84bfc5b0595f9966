import {
  eq,
  fn,
  match,
  node,
  param,
  pattern,
  query,
  rel,
  render,
  returnClause,
  set,
  setMerge,
  variable,
} from '@cartograph/cypher';
import type { CompiledQuery } from '../executor/types';

const r = variable('r');
const anyRelationship = pattern(node(), [rel({ variable: r, direction: 'out' }), node()]);
const byElementId = eq(fn('elementId', [r]), param(undefined, 'id'));

const updateText = render(
  query(match(anyRelationship, { where: byElementId }), set([setMerge(r, param(undefined, 'changes'))])),
).cypher;
const loadText = render(query(match(anyRelationship, { where: byElementId }), returnClause([r]))).cypher;

/** Queries on one relationship by element id; rendered once. */
export const relationshipQueries = {
  update: (id: string, changes: Record<string, unknown>, sensitive?: readonly string[]): CompiledQuery => ({
    cypher: updateText,
    params: { id, changes },
    sensitive,
  }),
  load: (id: string): CompiledQuery => ({ cypher: loadText, params: { id } }),
};
