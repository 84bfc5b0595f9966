import { type Command, InvalidArgumentError } from 'commander';
import { classifyError } from './classify-error';
import { CommandContext, type GlobalOptions } from './context';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import type { CliIO } from './output';

/** State shared by every command of one CLI run. */
export interface CliRuntime {
  readonly io: CliIO;
  /** Set by the command that ran; `runCli` returns it. */
  exitCode: ExitCodeValue;
}

/** What a command handler receives: its positional arguments and its options (global ones included). */
export interface ActionInput<O> {
  readonly args: readonly string[];
  readonly options: O & GlobalOptions;
}

/** A command's work; returns an exit code when it is not 0 (a failed check), throws for errors. */
export type Handler<O> = (ctx: CommandContext, input: ActionInput<O>) => Promise<ExitCodeValue | undefined>;

/**
 * Wraps a handler as a commander action: builds the context, runs the handler, and turns any
 * error into a message on stderr (and a JSON error document with `--json`) plus its exit code.
 * `failure` is the exit code for errors nothing else classifies (e.g. 4 for migration commands).
 */
export function action<O>(
  runtime: CliRuntime,
  handler: Handler<O>,
  failure: ExitCodeValue = ExitCode.CheckFailed,
) {
  return async (...params: unknown[]): Promise<void> => {
    const command = params[params.length - 1] as Command;
    const options = command.optsWithGlobals<O & GlobalOptions>();
    const ctx = new CommandContext(runtime.io, options);
    try {
      runtime.exitCode = (await handler(ctx, { args: command.args, options })) ?? ExitCode.Ok;
    } catch (error) {
      const failed = classifyError(error, failure);
      ctx.output.error(failed.message);
      ctx.output.data({ error: { message: failed.message, exitCode: failed.exitCode } });
      runtime.exitCode = failed.exitCode;
    }
  };
}

/** Parses an option value as a whole number >= `min`; commander reports the error as a usage error. */
export function integerOption(min: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min)
      throw new InvalidArgumentError(`expected a whole number >= ${min}.`);
    return parsed;
  };
}

/** The `--json` option, with the same wording on every command. */
export const JSON_OPTION = ['--json', 'print the result as one JSON document on stdout'] as const;
