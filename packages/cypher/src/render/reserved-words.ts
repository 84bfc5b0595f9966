// Neo4j 5's reserved keywords, plus words that other Cypher versions or upcoming releases parse
// specially. Escaping a harmless word costs two backticks, while missing a reserved one yields a
// syntax error; common data names that are mere keywords (row, status, text, ...) are left out so
// output stays readable.
// biome-ignore format: one category per line reads better than one word per line
const WORDS = [
  // clauses and sub-clauses
  'CALL', 'CREATE', 'DELETE', 'DETACH', 'FINISH', 'FOREACH', 'LOAD', 'MATCH', 'MERGE', 'OPTIONAL', 'REMOVE',
  'RETURN', 'SET', 'START', 'UNION', 'UNWIND', 'USE', 'WITH', 'LIMIT', 'ORDER', 'SKIP', 'OFFSET', 'WHERE', 'YIELD',
  'SHOW',
  // modifiers
  'ASC', 'ASCENDING', 'ASSERT', 'BY', 'CSV', 'DESC', 'DESCENDING', 'ON', 'IF',
  // expressions
  'ALL', 'ANY', 'NONE', 'SINGLE', 'CASE', 'COUNT', 'COLLECT', 'ELSE', 'END', 'EXISTS', 'THEN', 'WHEN',
  'REDUCE', 'EXTRACT', 'FILTER', 'SHORTESTPATH', 'ALLSHORTESTPATHS',
  // operators
  'AND', 'AS', 'CONTAINS', 'DISTINCT', 'ENDS', 'IN', 'IS', 'NOT', 'OR', 'STARTS', 'XOR',
  // schema
  'CONSTRAINT', 'DROP', 'INDEX', 'NODE', 'KEY', 'UNIQUE',
  // hints
  'JOIN', 'SCAN', 'USING',
  // literals
  'FALSE', 'NULL', 'TRUE', 'NAN', 'INF', 'INFINITY',
  // reserved for future use
  'ADD', 'DO', 'FOR', 'FROM', 'MANDATORY', 'OF', 'REQUIRE', 'SCALAR',
];

/** Upper-cased reserved words; look-ups must upper-case the candidate first. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(WORDS);
