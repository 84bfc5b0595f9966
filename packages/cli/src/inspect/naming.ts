/** Words of a label, type or key: `ACTED_IN` -> [acted, in], `firstName` -> [first, name]. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/** `ACTED_IN` -> `ActedIn`; prefixed when it would start with a digit; `Model` when nothing is left. */
export function pascalCase(text: string): string {
  const result = words(text)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  if (result === '') return 'Model';
  return /^[0-9]/.test(result) ? `N${result}` : result;
}

/** `ACTED_IN` -> `actedIn`; `field` when nothing is left; prefixed when it would start with a digit. */
export function camelCase(text: string): string {
  const [first = '', ...rest] = words(text);
  const result = first + rest.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  if (result === '') return 'field';
  return /^[0-9]/.test(result) ? `f${result}` : result;
}

/** `ActedIn` -> `acted-in`, for file names. */
export function kebabCase(text: string): string {
  return words(text).join('-') || 'model';
}

/** Whether `name` can be written as a class field without quotes. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** Hands out names unique within one scope, suffixing `2`, `3`, ... on a clash. */
export class NameScope {
  readonly #taken: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.#taken = new Set(reserved);
  }

  /** `preferred` if free, else the first of `alternatives` that is free, else `preferred2`, `preferred3`, ... */
  claim(preferred: string, ...alternatives: string[]): string {
    for (const candidate of [preferred, ...alternatives]) {
      if (!this.#taken.has(candidate)) {
        this.#taken.add(candidate);
        return candidate;
      }
    }
    for (let n = 2; ; n++) {
      const candidate = `${preferred}${n}`;
      if (!this.#taken.has(candidate)) {
        this.#taken.add(candidate);
        return candidate;
      }
    }
  }

  /** Whether `name` is taken. */
  has(name: string): boolean {
    return this.#taken.has(name);
  }
}
