/** What replaces a secret in anything the CLI prints. */
export const REDACTED = '***';

/**
 * Removes secrets from text before it is printed: each secret verbatim, and the user-info part of
 * URLs (`bolt://user:secret@host`), because driver errors echo the URL they were given.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  let result = text.replace(/([a-z][a-z0-9+.-]*:\/\/)([^/\s@]+)@/gi, `$1${REDACTED}@`);
  // Longest first, so a secret that contains another is removed whole.
  const ordered = [...new Set(secrets)]
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const secret of ordered) result = result.split(secret).join(REDACTED);
  return result;
}
