/**
 * Property names treated as secret unless declared `sensitive: false`. Deliberately narrower than the
 * parameter-name check of the query log: `author` or `authority` must not vanish from logs.
 */
const SENSITIVE_NAME = /pass(word|wd|phrase)|secret|token|api[-_]?key|credential|private[-_]?key|\bpin\b/i;

/** Whether a property called `name` holds a secret by default. */
export function looksSensitive(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}
