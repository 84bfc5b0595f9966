import { createHash } from 'node:crypto';

/**
 * SHA-256 of a migration's text: the file, plus its `.down.cypher` when there is one (separated by
 * a NUL so moving text between the two files changes the sum). Line endings are normalised to LF,
 * so a checkout with CRLF does not look like an edit.
 */
export function migrationChecksum(upText: string, downText?: string): string {
  const hash = createHash('sha256').update(normalise(upText));
  if (downText !== undefined) hash.update('\u0000').update(normalise(downText));
  return hash.digest('hex');
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
