import type { Deadline } from './deadline';
import { redactError } from './redact-error';
import { translateFailure } from './translate-failure';
import type { CompiledQuery } from './types';

/**
 * The error a failed query raises and logs: its secret values masked first (in place, so the
 * driver error keeps its class and the retry rules still recognise it), then typed by
 * {@link translateFailure}, whose messages are built from the masked text. Every route to the
 * driver that runs a query (run, stream, EXPLAIN / PROFILE, auto-commit, explicit transactions)
 * reports failures through this one function.
 */
export function queryFailure(error: unknown, deadline: Deadline, query: CompiledQuery): unknown {
  redactError(error, query);
  const failure = translateFailure(error, deadline, query.cypher);
  // A failure made here (a wrapper of `error`) is masked too, in case it copied text of its own.
  if (failure !== error) redactError(failure, query);
  return failure;
}
