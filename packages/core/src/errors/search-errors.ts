import { CartographError } from './cartograph-error';

/**
 * A search named a property that has no index of the kind the search needs in the models
 * (`nearest` needs a vector index, `search` a full-text index): declare one, e.g.
 * `@VectorProperty({ dimensions: 384 })` or `@StringProperty({ index: 'fulltext' })`.
 */
export class MissingSearchIndexError extends CartographError {
  constructor(
    readonly model: string,
    readonly property: string,
    readonly indexKind: 'vector' | 'fulltext',
    hint: string,
  ) {
    super(
      'MISSING_SEARCH_INDEX',
      `${model}.${property} has no ${indexKind} index, so it cannot be searched with ${indexKind === 'vector' ? 'nearest()' : 'search()'}. ${hint}`,
    );
  }
}

/** A query vector does not fit the index: wrong length, a non-finite component, or not numbers. */
export class InvalidVectorError extends CartographError {
  constructor(
    readonly model: string,
    readonly property: string,
    problem: string,
  ) {
    super('INVALID_VECTOR', `Query vector for ${model}.${property}: ${problem}.`);
  }
}

/** A search's options are malformed (k, candidates, weights, query text) or it is used where it cannot apply. */
export class InvalidSearchError extends CartographError {
  constructor(message: string) {
    super('INVALID_SEARCH', message);
  }
}
