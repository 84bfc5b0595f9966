/**
 * `@cartograph/cypher`: one Cypher AST, one renderer, parameter collection and identifier
 * escaping for Neo4j 5.
 *
 * Build immutable nodes with the factory functions, then turn them into text plus parameters
 * with {@link render}. User values only ever travel as parameters; user names only ever reach the
 * text through {@link escapeIdentifier}.
 *
 * @packageDocumentation
 */
export type * from './ast/clauses';
export type * from './ast/expressions';
export { isExpr } from './ast/guards';
export type * from './ast/patterns';
export type * from './ast/query';
export type * from './ast/schema-commands';
export * from './builders';
export { CartographError } from './cartograph-error';
export { CypherError, InvalidIdentifierError, InvalidQueryError } from './errors';
export { escapeIdentifier, isSafeIdentifier, isValidIdentifier } from './render/identifier';
export { type CompiledQuery, type RenderOptions, render } from './render/renderer';
