import { CartographError } from './cartograph-error';

/**
 * User input named `__proto__`, `constructor` or `prototype`. Such keys (often from `JSON.parse`)
 * would replace an instance's prototype or shadow its class, so validation rules would silently not
 * apply; they are refused before anything is built or written.
 */
export class ForbiddenPropertyNameError extends CartographError {
  constructor(
    readonly model: string,
    readonly property: string,
  ) {
    super(
      'FORBIDDEN_PROPERTY_NAME',
      `${model}: the key ${JSON.stringify(property)} is not allowed in input (it would change the object's prototype). ` +
        'Remove it from the data before passing it; nothing was written.',
    );
  }
}
