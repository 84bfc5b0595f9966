/**
 * Splits a `.cypher` migration into statements: a statement ends at a `;` that ends a line
 * (trailing spaces and a trailing `// comment` allowed). Lines that are only a `//` comment are
 * dropped; comments inside a statement stay, since Cypher accepts them. A string literal with
 * `;` at a line end (or `; //` inside it) would end the statement there: avoid that in strings.
 */
export function splitCypher(text: string): string[] {
  return splitCypherStatements(text).map((statement) => statement.text);
}

/** A statement of a `.cypher` file and where it starts in the file (1-based). */
export interface CypherStatement {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/**
 * {@link splitCypher} with each statement's position in the file, so that an error Neo4j reports
 * at "line 2, column 5" of a statement can be named at its line and column in the file. A
 * comment-only line inside a statement is dropped, so positions after one are approximate.
 */
export function splitCypherStatements(text: string): CypherStatement[] {
  const statements: CypherStatement[] = [];
  let current: { text: string; line: number }[] = [];
  const flush = () => {
    const first = current.findIndex((entry) => entry.text.trim() !== '');
    const statement = current
      .map((entry) => entry.text)
      .join('\n')
      .trim();
    if (statement !== '' && first >= 0) {
      const start = current[first]!;
      const column = start.text.length - start.text.trimStart().length + 1;
      statements.push({ text: statement, line: start.line, column });
    }
    current = [];
  };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim().startsWith('//')) continue;
    const end = /;\s*(?:\/\/.*)?$/.exec(line);
    if (end) {
      current.push({ text: line.slice(0, end.index), line: index + 1 });
      flush();
    } else {
      current.push({ text: line, line: index + 1 });
    }
  }
  flush();
  return statements;
}

/**
 * Where in the file an error lies, from Neo4j's "(line L, column C (offset: O))" relative to the
 * statement: `path:line:column`; the statement's own start when the message has no position.
 */
export function fileLocation(path: string, statement: CypherStatement, message: string): string {
  const at = /line (\d+), column (\d+)/.exec(message);
  if (!at) return `${path}:${statement.line}:${statement.column}`;
  const line = Number(at[1]);
  const column = Number(at[2]);
  return line === 1
    ? `${path}:${statement.line}:${statement.column + column - 1}`
    : `${path}:${statement.line + line - 1}:${column}`;
}
