/**
 * How a statement must run. `schema`: a constraint or index command, which Neo4j runs in a
 * transaction of its own. `batched`: contains `CALL { ... } IN TRANSACTIONS`, which only runs in
 * an auto-commit transaction. `plain`: anything else, which can share a transaction.
 */
export type StatementKind = 'schema' | 'batched' | 'plain';

const SCHEMA_COMMAND =
  /^(?:CREATE|DROP)\s+(?:OR\s+REPLACE\s+)?(?:(?:RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR|BTREE)\s+)?(?:CONSTRAINT|INDEX)\b/i;
const IN_TRANSACTIONS = /\bIN\s+(?:\d+\s+CONCURRENT\s+)?TRANSACTIONS\b/i;

/** Classifies a statement by its text (leading comments ignored). */
export function statementKind(cypher: string): StatementKind {
  const code = stripLeadingComments(cypher);
  if (SCHEMA_COMMAND.test(code)) return 'schema';
  if (IN_TRANSACTIONS.test(code)) return 'batched';
  return 'plain';
}

function stripLeadingComments(cypher: string): string {
  let text = cypher.trimStart();
  for (;;) {
    if (text.startsWith('//')) {
      const end = text.indexOf('\n');
      text = end < 0 ? '' : text.slice(end + 1).trimStart();
    } else if (text.startsWith('/*')) {
      const end = text.indexOf('*/');
      text = end < 0 ? '' : text.slice(end + 2).trimStart();
    } else {
      return text;
    }
  }
}
