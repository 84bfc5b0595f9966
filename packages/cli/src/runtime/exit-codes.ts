/**
 * Exit codes of the `cartograph` command. Scripts and CI match on these numbers, so they never
 * change meaning; docs/cli.md lists them.
 */
export const ExitCode = {
  /** The command did what was asked. */
  Ok: 0,
  /** A check failed: `migrate validate` found a disagreement, `schema diff --check` found changes. */
  CheckFailed: 1,
  /** The command line or the configuration is wrong; nothing was done. */
  Usage: 2,
  /** Neo4j could not be reached or refused the credentials. */
  Connection: 3,
  /** A migration failed, or another run holds the migration lock. */
  Migration: 4,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error that ends the command with a given exit code and a message meant for people. */
export class CliError extends Error {
  readonly exitCode: ExitCodeValue;

  constructor(exitCode: ExitCodeValue, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.exitCode = exitCode;
    this.name = 'CliError';
  }
}
