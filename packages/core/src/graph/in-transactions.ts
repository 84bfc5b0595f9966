/**
 * Whether Cypher text holds `IN TRANSACTIONS` as keywords (as in `CALL { ... } IN TRANSACTIONS`),
 * not inside a string literal, a comment or a backtick-quoted name. Such a statement only runs in
 * an auto-commit transaction, so `graph.cypher` sends it as one.
 */
export function usesInTransactions(cypher: string): boolean {
  let previous = '';
  for (const word of keywords(cypher)) {
    // `IN TRANSACTIONS`, and `IN [n] CONCURRENT TRANSACTIONS` (Neo4j 5.21+).
    if (word === 'TRANSACTIONS' && (previous === 'IN' || previous === 'CONCURRENT')) return true;
    previous = word;
  }
  return false;
}

/** The words of the text in upper case, in order; quoted names and literals come out as `''`. */
function* keywords(text: string): Generator<string> {
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (char === "'" || char === '"' || char === '`') {
      at = closing(text, at, char);
      yield '';
    } else if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at);
      at = end === -1 ? text.length : end + 1;
    } else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      at = end === -1 ? text.length : end + 2;
    } else if (/[A-Za-z_]/.test(char)) {
      const start = at;
      while (at < text.length && /[A-Za-z0-9_$]/.test(text[at]!)) at += 1;
      yield text.slice(start, at).toUpperCase();
    } else {
      // Whitespace separates words without being one; any other symbol breaks `IN TRANSACTIONS`.
      if (!/\s/.test(char)) yield char;
      at += 1;
    }
  }
}

/** The index after the quote that closes the one at `start` (backslash escapes in strings; doubled backticks in names). */
function closing(text: string, start: number, quote: string): number {
  let at = start + 1;
  while (at < text.length) {
    const char = text[at]!;
    if (char === '\\' && quote !== '`') at += 2;
    else if (char === quote && quote === '`' && text[at + 1] === '`') at += 2;
    else if (char === quote) return at + 1;
    else at += 1;
  }
  return text.length;
}
