import { quote } from './describe-value';
import type { PropertyType } from './property-type';
import { patternStringType } from './regex-type';

// ASCII local part without leading, trailing or doubled dots; dotted domain ending in a letter TLD.
// The leading lookahead caps the whole address at 254 characters (RFC 5321).
const EMAIL =
  /^(?=.{3,254}$)(?!\.)(?!.*\.\.)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}(?<!\.)@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** A STRING holding an email address (ASCII addresses; internationalised ones are refused). */
export function emailType(): PropertyType<string> {
  return patternStringType('email', EMAIL, (value) => `${quote(value)} is not a valid email address`);
}
