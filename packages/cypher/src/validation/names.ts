import { InvalidIdentifierError, InvalidQueryError } from '../errors';

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const AUTO_PARAM_NAME = /^p[0-9]+$/;
const QUALIFIED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const SCHEMA_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Explicit parameter names are written after `$` without quoting, so they must be plain words.
 * Names shaped like the renderer's own (`p0`, `p1`, ...) are refused outright: whether they would
 * collide depends on how many anonymous parameters precede them, and a rule that depends on
 * query shape is a trap.
 */
export function assertParamName(name: string): void {
  if (typeof name !== 'string' || !PARAM_NAME.test(name) || name === '__proto__') {
    throw new InvalidIdentifierError(
      String(name),
      'parameter names must match /^[A-Za-z_][A-Za-z0-9_]*$/ and must not be "__proto__"',
    );
  }
  if (AUTO_PARAM_NAME.test(name)) {
    throw new InvalidIdentifierError(
      name,
      'parameter names of the form p<digits> are reserved for automatically named parameters',
    );
  }
}

/** Function and procedure names are written verbatim (namespaces included), never quoted. */
export function assertQualifiedName(name: string, what: 'function' | 'procedure'): void {
  if (typeof name !== 'string' || !QUALIFIED_NAME.test(name)) {
    throw new InvalidQueryError(
      `Invalid ${what} name ${JSON.stringify(String(name))}: expected dot-separated words matching /^[A-Za-z_][A-Za-z0-9_]*$/`,
    );
  }
}

/** Constraint and index names: stricter than general identifiers so they stay portable. */
export function assertSchemaName(name: string): void {
  if (typeof name !== 'string' || !SCHEMA_NAME.test(name)) {
    throw new InvalidIdentifierError(
      String(name),
      'constraint and index names must match /^[A-Za-z][A-Za-z0-9_]*$/',
    );
  }
}

/** Numbers that are written into the query text itself rather than passed as parameters. */
export function assertInteger(value: number, min: number, what: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InvalidQueryError(`${what} must be an integer >= ${min}, got ${String(value)}`);
  }
}
