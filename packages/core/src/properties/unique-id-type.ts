import { validate as isUuid, version as uuidVersion, v4, v7 } from 'uuid';
import { describeValue, quote } from './describe-value';
import type { PropertyType } from './property-type';
import { validatedString } from './string-type';

/** A UUID string type that can also make new ids. */
export interface UniqueIdType extends PropertyType<string> {
  readonly version: 4 | 7;
  /** A new lowercase UUID of this type's version. */
  generate(): string;
}

/** Options of `uniqueIdType` / `@UniqueIdProperty`. */
export interface UniqueIdTypeOptions {
  /** 4 (random, the default) or 7 (time-ordered, which keeps index inserts local). */
  readonly version?: 4 | 7;
}

/** A STRING holding a lowercase UUID of one version. */
export function uniqueIdType(options: UniqueIdTypeOptions = {}): UniqueIdType {
  const version = options.version ?? 4;
  const validate = (value: unknown): string[] => {
    if (typeof value !== 'string') return [`expected a UUID string, got ${describeValue(value)}`];
    if (!isUuid(value)) return [`${quote(value)} is not a UUID`];
    // Cypher compares strings exactly, so one id in two cases would be two ids.
    if (value !== value.toLowerCase()) return [`${quote(value)} must be lowercase`];
    const actual = uuidVersion(value);
    return actual === version
      ? []
      : [`${quote(value)} is a version ${actual} UUID; this property holds version ${version}`];
  };
  return {
    ...validatedString('uuid', validate),
    version,
    generate: version === 7 ? () => v7() : () => v4(),
  };
}
