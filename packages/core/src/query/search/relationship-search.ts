import { gte, query, render, returnClause, variable, withClause } from '@cartograph/cypher';
import type { Relationship as Neo4jRelationship } from 'neo4j-driver';
import { resolveGraph } from '../../graph/resolve-graph';
import type { AnyClass } from '../../registry/definitions';
import { registry } from '../../registry/schema-registry';
import { hydrateRelationship, type RelationshipEntity } from '../../relationship-model/relationship-entity';
import { Bound, integerBound } from '../bound';
import { Names } from '../names';
import { ParamSlots } from '../param-slots';
import type { QueryCallOptions } from '../state';
import { toNumber } from '../value-types';
import { compileSource } from './compile-search';
import type { SearchOwner } from './search-index';
import { type ScoredSearchOptions, searchCounts, textSource, vectorSource } from './search-plan';
import type { SearchSource } from './search-source';

/** Options of the relationship searches: those of `nearest` / `search`, and the graph to run on. */
export interface RelationshipSearchOptions<S extends string = 'score'> extends ScoredSearchOptions<S> {
  /** Deadline, signal and graph of the call (as `withOptions` on a NodeSet). */
  call?: QueryCallOptions;
}

type Scored<R, S extends string> = R & { [P in S]: number };
type ModelClass<R> = AnyClass<R> & (new () => R);

/**
 * The `k` relationships of `model` whose vector `field` is nearest to `vector`, best first, through
 * the relationship vector index the model declares (`@VectorProperty` on a `@Rel` class). Each
 * instance carries the exact similarity as `score` (see `NodeSet.nearest`).
 * @throws MissingSearchIndexError, InvalidVectorError or InvalidSearchError, before any query runs.
 */
export async function nearestRelationships<R extends RelationshipEntity, S extends string = 'score'>(
  model: ModelClass<R>,
  field: string,
  vector: readonly number[] | Float32Array | Float64Array,
  options: RelationshipSearchOptions<S>,
): Promise<Array<Scored<R, S>>> {
  const { candidates } = searchCounts('nearestRelationships', options);
  const source = vectorSource(ownerOf(model), field, vector, candidates);
  return run(model, source, options);
}

/**
 * Full-text search of a relationship property through its full-text index (`index: 'fulltext'`
 * on a `@Rel` class), best match first, with Lucene's relevance as `score`.
 * @throws MissingSearchIndexError or InvalidSearchError, before any query runs.
 */
export async function searchRelationships<R extends RelationshipEntity, S extends string = 'score'>(
  model: ModelClass<R>,
  field: string,
  text: string,
  options: RelationshipSearchOptions<S>,
): Promise<Array<Scored<R, S>>> {
  const { candidates } = searchCounts('searchRelationships', options);
  const source = textSource(ownerOf(model), field, text, candidates);
  return run(model, source, options);
}

function ownerOf(model: AnyClass): SearchOwner {
  const definition = registry.relationshipModel(model);
  return {
    name: definition.name,
    properties: definition.properties,
    labels: [definition.type],
    entity: 'relationship',
  };
}

async function run<R extends RelationshipEntity, S extends string>(
  model: ModelClass<R>,
  source: SearchSource,
  options: RelationshipSearchOptions<S>,
): Promise<Array<Scored<R, S>>> {
  const { k } = searchCounts('search', options);
  const name = (options.as ?? 'score') as S;
  const names = new Names();
  const slots = new ParamSlots();
  const relationship = variable(names.next('r'));
  const score = variable(names.next('a'));
  const clauses = compileSource(source, relationship, score, names, slots);
  if (options.minScore !== undefined) {
    const minScore = new Bound(options.minScore);
    clauses.push(withClause([relationship, score], { where: gte(score, slots.param(minScore)) }));
  }
  clauses.push(
    returnClause([relationship, score], {
      orderBy: [{ expr: score, direction: 'DESC' }],
      limit: slots.param(integerBound(k)),
    }),
  );
  const compiled = { ...render(query(...clauses)), model: registry.relationshipModel(model).name };
  return resolveGraph(options.call).run(
    compiled,
    'READ',
    (record) => {
      const instance = hydrateRelationship<R>(model, record.get(0) as Neo4jRelationship);
      (instance as Record<string, unknown>)[name] = toNumber(record.get(1));
      return instance as Scored<R, S>;
    },
    options.call,
  );
}
