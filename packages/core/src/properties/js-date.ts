import { describeValue } from './describe-value';

/** Checks shared by the types that hold a JS Date. */
export function validateJsDate(value: unknown): string[] {
  if (!(value instanceof Date)) return [`expected a Date, got ${describeValue(value)}`];
  if (Number.isNaN(value.getTime())) return ['is an invalid Date'];
  return [];
}

/** Upper bound of the JS Date range, in milliseconds either side of the epoch. */
export const MAX_JS_DATE_MS = 8.64e15;
