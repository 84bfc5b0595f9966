import { CartographError } from './cartograph-error';

/**
 * A connection option (or the environment variable it was read from) has an invalid value. `code`
 * is always `INVALID_CONFIGURATION`; `option` names the option (`pool.maxSize`, `NEO4J_URI`...).
 */
export class ConfigurationError extends CartographError {
  constructor(
    readonly option: string,
    readonly problem: string,
  ) {
    super('INVALID_CONFIGURATION', `Invalid configuration: ${option} ${problem}.`);
  }
}
