import {
  create,
  deleteClause,
  eq,
  fn,
  match,
  node,
  param,
  query,
  render,
  returnClause,
  set,
  setMerge,
  setReplace,
  variable,
} from '@cartograph/cypher';
import type { CompiledQuery } from '../graph/graph';
import { sensitiveDbNames } from '../mapping/sensitive-keys';
import type { NodeDefinition } from '../registry/definitions';

/**
 * The single-node queries of a model. Their shape depends only on the model, so each is rendered
 * once per model and reused with fresh parameters.
 */
export interface NodeQueries {
  create(props: Record<string, unknown>): CompiledQuery;
  update(elementId: string, changes: Record<string, unknown>): CompiledQuery;
  load(elementId: string): CompiledQuery;
  delete(elementId: string): CompiledQuery;
}

const cache = new WeakMap<NodeDefinition, NodeQueries>();
const n = variable('n');
const byElementId = eq(fn('elementId', [n]), param(undefined, 'id'));

export function nodeQueries(definition: NodeDefinition): NodeQueries {
  let queries = cache.get(definition);
  if (queries) return queries;
  const labelled = node(n, definition.labels);
  const createText = render(
    query(
      create(labelled),
      set([setReplace(n, param(undefined, 'props'))]),
      returnClause([{ expr: fn('elementId', [n]), alias: 'id' }]),
    ),
  ).cypher;
  const updateText = render(
    query(
      match(labelled, { where: byElementId }),
      set([setMerge(n, param(undefined, 'changes'))]),
      returnClause([{ expr: fn('elementId', [n]), alias: 'id' }]),
    ),
  ).cypher;
  const loadText = render(query(match(labelled, { where: byElementId }), returnClause([n]))).cypher;
  const deleteText = render(
    query(
      match(labelled, { where: byElementId }),
      deleteClause([n], { detach: true }),
      returnClause([{ expr: fn('count', [n]), alias: 'deleted' }]),
    ),
  ).cypher;
  const sensitive = sensitiveDbNames(definition.properties);
  const model = definition.name;
  queries = {
    create: (props) => ({ cypher: createText, params: { props }, sensitive, model }),
    update: (id, changes) => ({ cypher: updateText, params: { id, changes }, sensitive, model }),
    load: (id) => ({ cypher: loadText, params: { id }, model }),
    delete: (id) => ({ cypher: deleteText, params: { id }, model }),
  };
  cache.set(definition, queries);
  return queries;
}
