const MAX_SHOWN = 60;

/** Quotes a string for a message, shortening long values so one bad field cannot flood a log. */
export function quote(value: string): string {
  return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
}

/** A short description of any value for "expected X, got Y" messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case 'string':
      return `string ${quote(value)}`;
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'bigint':
      return `bigint ${value}n`;
    case 'function':
    case 'symbol':
      return `a ${typeof value}`;
  }
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'an invalid Date' : `Date ${value.toISOString()}`;
  }
  const className: unknown = Object.getPrototypeOf(value)?.constructor?.name;
  return typeof className === 'string' && className !== 'Object'
    ? `an instance of ${className}`
    : 'an object';
}
