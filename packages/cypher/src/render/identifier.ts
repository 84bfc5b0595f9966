import { InvalidIdentifierError } from '../errors';
import { RESERVED_WORDS } from './reserved-words';

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CACHE_LIMIT = 10_000;
const cache = new Map<string, string>();

const ALLOWED =
  'identifiers must be non-empty, well-formed UTF-16 text without NUL characters or a backslash followed by "u"; ' +
  'any other character is allowed and is escaped with backticks';

/**
 * True when `name` can be written into Cypher without backticks: it matches
 * `/^[A-Za-z_][A-Za-z0-9_]*$/` and is not a reserved word (compared case-insensitively).
 */
export function isSafeIdentifier(name: string): boolean {
  return PLAIN.test(name) && !RESERVED_WORDS.has(name.toUpperCase());
}

/** True when {@link escapeIdentifier} accepts `name` (possibly by wrapping it in backticks). */
export function isValidIdentifier(name: string): boolean {
  return typeof name === 'string' && rejectionReason(name) === undefined;
}

/**
 * Turns a label, relationship type, property key, map key, alias or variable name into Cypher text.
 *
 * Every label, type, key, alias and variable reaches the query text through this function, so
 * every quoting rule lives here. Safe names are returned unchanged; anything else is wrapped in
 * backticks with embedded backticks doubled. Results are cached (at most 10,000 entries).
 *
 * @throws InvalidIdentifierError for names that cannot be quoted safely: empty, containing NUL,
 *   containing lone surrogates, or containing a backslash followed by `u` (Neo4j 5's parser
 *   decodes `\uXXXX` escapes before tokenising, even inside backticks, so `\u0060` would close
 *   the quoted name and let the rest of the string run as Cypher).
 */
export function escapeIdentifier(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  if (typeof name !== 'string') {
    throw new InvalidIdentifierError(String(name), `expected a string; ${ALLOWED}`);
  }
  const reason = rejectionReason(name);
  if (reason !== undefined) throw new InvalidIdentifierError(name, `${reason}; ${ALLOWED}`);
  const escaped = isSafeIdentifier(name) ? name : `\`${name.replaceAll('`', '``')}\``;
  if (cache.size >= CACHE_LIMIT) {
    // Evicting the oldest entry keeps memory bounded when names are generated dynamically.
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(name, escaped);
  return escaped;
}

function rejectionReason(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (PLAIN.test(name)) return undefined;
  if (name.includes('\u0000')) return 'it contains a NUL character';
  if (name.includes('\\u'))
    return 'it contains a backslash followed by "u", which Neo4j decodes as a Unicode escape';
  if (hasLoneSurrogate(name)) return 'it is not well-formed UTF-16 (it contains a lone surrogate)';
  return undefined;
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}
