import { describeValue, quote } from './describe-value';
import type { PropertyType } from './property-type';
import { validatedString } from './string-type';

/** A STRING type that only takes values matching `pattern`; shared by the email and regex types. */
export function patternStringType(
  name: string,
  pattern: RegExp,
  mismatch: (value: string) => string,
): PropertyType<string> {
  // A global or sticky RegExp remembers lastIndex between test() calls and would fail every other value.
  const matcher = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  const validate = (value: unknown): string[] => {
    if (typeof value !== 'string') return [`expected a string, got ${describeValue(value)}`];
    return matcher.test(value) ? [] : [mismatch(value)];
  };
  return validatedString(name, validate);
}

/**
 * A STRING that must match `pattern`. The pattern is used as given, so anchor it (`^...$`) to
 * match whole values.
 */
export function regexString(pattern: RegExp): PropertyType<string> {
  return patternStringType('regex', pattern, (value) => `${quote(value)} does not match ${pattern}`);
}
