/**
 * Splits a `.cypher` migration into statements: a statement ends at a `;` that ends a line
 * (trailing spaces and a trailing `// comment` allowed). Lines that are only a `//` comment are
 * dropped; comments inside a statement stay, since Cypher accepts them. A string literal with
 * `;` at a line end (or `; //` inside it) would end the statement there: avoid that in strings.
 */
export function splitCypher(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const statement = current.join('\n').trim();
    if (statement !== '') statements.push(statement);
    current = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim().startsWith('//')) continue;
    const end = /;\s*(?:\/\/.*)?$/.exec(line);
    if (end) {
      current.push(line.slice(0, end.index));
      flush();
    } else {
      current.push(line);
    }
  }
  flush();
  return statements;
}
