import { CliError, ExitCode, type ExitCodeValue } from './exit-codes';

const CONNECTION_CODES = new Set([
  'NOT_CONNECTED',
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/**
 * Maps any error a command raised to a {@link CliError} with the documented exit code. Errors from
 * other packages are matched by their `code` (stable), not by class, because the user's project
 * may load its own copy of those packages.
 */
export function classifyError(error: unknown, fallback: ExitCodeValue = ExitCode.CheckFailed): CliError {
  if (error instanceof CliError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const codes = codesOf(error);
  if (codes.some((code) => CONNECTION_CODES.has(code))) {
    return new CliError(ExitCode.Connection, message, { cause: error });
  }
  // A bad argument (e.g. a migration name with no letters) is a usage error, not a failed migration.
  if (codes.includes('MIGRATION_INVALID_ARGUMENT'))
    return new CliError(ExitCode.Usage, message, { cause: error });
  if (codes.some((code) => /MIGRATION|LOCK/.test(code))) {
    return new CliError(ExitCode.Migration, message, { cause: error });
  }
  return new CliError(fallback, message, { cause: error });
}

/** The `code` of the error and of each error in its `cause` chain. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') break;
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.push(code);
    current = cause;
  }
  return codes;
}
