import { InvalidQueryError } from '../errors';

// Property types accepted by Neo4j 5 type constraints, in their canonical spelling. The renderer
// writes the type into the query text, so only these exact words may ever get there.
const SCALARS: ReadonlySet<string> = new Set([
  'BOOLEAN',
  'STRING',
  'INTEGER',
  'FLOAT',
  'DATE',
  'LOCAL TIME',
  'ZONED TIME',
  'LOCAL DATETIME',
  'ZONED DATETIME',
  'DURATION',
  'POINT',
]);

const LIST_OF = /^LIST ?< ?(.+) NOT NULL ?>$/;

/**
 * Validates a property type for `REQUIRE n.p IS :: <type>` and returns its canonical spelling.
 *
 * Accepts the scalar types above, `LIST<T NOT NULL>` of a scalar, and closed unions of those
 * joined with `|` (Neo4j 5.11+). Case and whitespace are normalised.
 *
 * @throws InvalidQueryError for anything else.
 */
export function normalizePropertyType(type: string): string {
  if (typeof type !== 'string') throw invalid(String(type));
  return type
    .split('|')
    .map((part) => normalizeMember(part, type))
    .join(' | ');
}

function normalizeMember(part: string, whole: string): string {
  const member = part.trim().replace(/\s+/g, ' ').toUpperCase();
  if (SCALARS.has(member)) return member;
  const list = LIST_OF.exec(member);
  const inner = list?.[1];
  if (inner !== undefined && SCALARS.has(inner)) return `LIST<${inner} NOT NULL>`;
  throw invalid(whole);
}

function invalid(type: string): InvalidQueryError {
  return new InvalidQueryError(
    `Unsupported property type ${JSON.stringify(type)}: expected one of ${[...SCALARS].join(', ')}, ` +
      'LIST<T NOT NULL> of one of those, or a union of them joined with "|"',
  );
}
