import { and, type Expr, eq, fn, gt, isNotNull, isNull, literal, lt, or, param } from '@cartograph/cypher';
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isTime,
} from 'neo4j-driver';
import { InvalidCursorError } from '../errors/filter-errors';

/** A decoded cursor: the order-key values of the last row of the previous page, and its element id. */
export interface Cursor {
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
}

// Temporal values travel as their ISO text and are rebuilt by the matching Cypher function.
const TEMPORAL: ReadonlyArray<readonly [string, (value: unknown) => boolean]> = [
  ['datetime', isDateTime],
  ['localdatetime', isLocalDateTime],
  ['date', isDate],
  ['localtime', isLocalTime],
  ['time', isTime],
  ['duration', isDuration],
];

type Encoded =
  | null
  | string
  | number
  | boolean
  | { readonly i: string }
  | { readonly t: string; readonly v: string };

function encodeValue(value: unknown): Encoded {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (isInt(value) || typeof value === 'bigint') return { i: value.toString() };
  for (const [name, test] of TEMPORAL) if (test(value)) return { t: name, v: String(value) };
  throw new InvalidCursorError(
    `Cannot build a cursor from an order value of type ${typeof value}; order by scalar or temporal properties.`,
  );
}

/** Opaque text for `keys` and the values of one row (base64url of JSON). */
export function encodeCursor(keys: readonly string[], values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify({ k: keys, v: values.map(encodeValue) }), 'utf8').toString('base64url');
}

/** Decodes a cursor and checks that it was made for the same ordering. */
export function decodeCursor(text: string, keys: readonly string[]): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(String(text), 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('The cursor is malformed.');
  }
  const data = parsed as { k?: unknown; v?: unknown };
  if (!Array.isArray(data.k) || !Array.isArray(data.v) || data.v.length !== keys.length) {
    throw new InvalidCursorError('The cursor is malformed.');
  }
  if (data.k.length !== keys.length || data.k.some((key, i) => key !== keys[i])) {
    throw new InvalidCursorError(
      `The cursor was made for ordering [${data.k.join(', ')}], not [${keys.join(', ')}].`,
    );
  }
  return { keys, values: data.v };
}

/** The parameter expression for an encoded value (a temporal is rebuilt from its text). */
function valueExpr(encoded: unknown): Expr {
  if (encoded !== null && typeof encoded === 'object') {
    const tagged = encoded as { i?: unknown; t?: unknown; v?: unknown };
    if (typeof tagged.i === 'string' && /^-?\d+$/.test(tagged.i)) return param(neo4j.int(tagged.i));
    const temporal = TEMPORAL.find(([name]) => name === tagged.t);
    if (temporal && typeof tagged.v === 'string') return fn(temporal[0], [param(tagged.v)]);
    throw new InvalidCursorError('The cursor holds a value of unknown type.');
  }
  if (typeof encoded === 'string' || typeof encoded === 'number' || typeof encoded === 'boolean')
    return param(encoded);
  throw new InvalidCursorError('The cursor holds a value of unknown type.');
}

/**
 * "Comes after the cursor row" for keys sorted with `descending[i]`, nested as
 * `k1 > v1 OR (k1 = v1 AND (k2 > v2 OR ...))` so its size grows linearly with the keys. Neo4j sorts
 * nulls last ascending and first descending; the comparisons below follow that.
 */
export function afterCursor(exprs: readonly Expr[], descending: readonly boolean[], cursor: Cursor): Expr {
  let condition: Expr | undefined;
  for (let i = exprs.length - 1; i >= 0; i--) {
    const expr = exprs[i] as Expr;
    const encoded = cursor.values[i];
    let greater: Expr;
    let equal: Expr;
    if (encoded === null) {
      greater = descending[i] ? isNotNull(expr) : literal(false);
      equal = isNull(expr);
    } else {
      const value = valueExpr(encoded);
      greater = descending[i] ? lt(expr, value) : or(gt(expr, value), isNull(expr));
      equal = eq(expr, value);
    }
    condition = condition === undefined ? greater : or(greater, and(equal, condition));
  }
  return condition ?? literal(true);
}
