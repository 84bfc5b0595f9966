import type { Literal } from '../ast/expressions';
import { InvalidQueryError } from '../errors';

/**
 * Integers print without a decimal point; integers beyond 2^53 and other floats print in a form
 * Cypher reads as a float: `1e21` rather than `1e+21`, as the openCypher grammar has no plus sign
 * in exponents.
 */
export function renderLiteral(node: Literal): string {
  const { value } = node;
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidQueryError(`Literal must be a finite number, a boolean or null, got ${String(value)}`);
  }
  if (Number.isSafeInteger(value)) return String(value);
  const text = Number.isInteger(value) ? value.toExponential() : String(value);
  return text.replace('e+', 'e');
}
