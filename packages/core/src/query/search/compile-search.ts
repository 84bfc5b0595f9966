import {
  add,
  type Clause,
  call,
  callProcedure,
  div,
  fn,
  index,
  literal,
  map,
  prop,
  query,
  returnClause,
  sub,
  union,
  unwind,
  type Variable,
  variable,
  withClause,
} from '@cartograph/cypher';
import type { Bound } from '../bound';
import type { Names } from '../names';
import type { ParamSlots } from '../param-slots';
import type { HybridSource, SearchSource, TextSource, VectorSource } from './search-source';

/**
 * The clauses that bind `node` and `score` from the search: one procedure call for a vector or
 * full-text search; for a hybrid search a subquery that ranks both candidate lists and sums the
 * weighted reciprocal ranks per node.
 */
export function compileSource(
  source: SearchSource,
  node: Variable,
  score: Variable,
  names: Names,
  slots: ParamSlots,
): Clause[] {
  if (source.kind !== 'hybrid') return procedure(source, node, score, slots);
  return hybrid(source, node, score, names, slots);
}

const p = (slots: ParamSlots, value: Bound) => slots.param(value);

/**
 * One index query binding `node` and `score`. A vector candidate is scored again exactly: Neo4j's
 * vector indexes quantize vectors by default (`vector.quantization.enabled`), so the index's own
 * score is off by up to about 1%, while `vector.similarity.*` computes the documented formula
 * (cosine: (1 + cos) / 2; euclidean: 1 / (1 + d²)) from the stored floats.
 */
function procedure(
  source: VectorSource | TextSource,
  node: Variable,
  score: Variable,
  slots: ParamSlots,
): Clause[] {
  if (source.kind === 'vector') {
    const vector = p(slots, source.vector);
    return [
      callProcedure(procedureName(source), [p(slots, source.index), p(slots, source.count), vector], {
        yield: [{ name: source.entity, alias: node.name }],
      }),
      withClause([
        node,
        {
          expr: fn(`vector.similarity.${source.similarity}`, [prop(node, source.key), vector]),
          alias: score.name,
        },
      ]),
    ];
  }
  return [
    callProcedure(
      procedureName(source),
      [p(slots, source.index), p(slots, source.query), map({ limit: p(slots, source.count) })],
      {
        yield: [
          { name: source.entity, alias: node.name },
          { name: 'score', alias: score.name },
        ],
      },
    ),
  ];
}

function procedureName(source: VectorSource | TextSource): string {
  const family = source.kind === 'vector' ? 'vector' : 'fulltext';
  return `db.index.${family}.${source.entity === 'node' ? 'queryNodes' : 'queryRelationships'}`;
}

function hybrid(
  source: HybridSource,
  node: Variable,
  score: Variable,
  names: Names,
  slots: ParamSlots,
): Clause[] {
  // Both branches return the same two columns, so the names are chosen once.
  const found = variable(names.next('x'));
  const part = variable(names.next('x'));
  const branch = (inner: VectorSource | TextSource, weight: Bound) => {
    const hit = variable(names.next('x'));
    const hitScore = variable(names.next('x'));
    const ranked = variable(names.next('x'));
    const rank = variable(names.next('x'));
    return query(
      ...procedure(inner, hit, hitScore, slots),
      // The rank is the position in the index's own order, best first.
      withClause([hit, hitScore], { orderBy: [{ expr: hitScore, direction: 'DESC' }] }),
      withClause([{ expr: fn('collect', [hit]), alias: ranked.name }]),
      unwind(fn('range', [literal(0), sub(fn('size', [ranked]), literal(1))]), rank),
      returnClause([
        { expr: index(ranked, rank), alias: found.name },
        { expr: div(p(slots, weight), add(add(p(slots, source.rrfK), rank), literal(1))), alias: part.name },
      ]),
    );
  };
  const vectorBranch = branch(source.vector, source.vectorWeight);
  const textBranch = branch(source.text, source.textWeight);
  return [
    call(union([vectorBranch, textBranch], { all: true })),
    withClause([
      { expr: found, alias: node.name },
      { expr: fn('sum', [part]), alias: score.name },
    ]),
  ];
}
