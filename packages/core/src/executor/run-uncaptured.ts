import type { Result } from 'neo4j-driver';

/** A driver session or transaction: what runs a statement. */
interface StatementRunner {
  run(cypher: string, params: Record<string, unknown>, config?: never): Result;
}

/**
 * Starts a statement with the driver's stack capture off. The driver records a stack trace for
 * every result it creates (`new Error().stack`, formatted at once) only to put it on a server error
 * later; Cartograph raises every such error as one of its own, made where the call failed, and
 * keeps the driver's only as `cause`, whose trace (10 frames by default) held nothing but driver
 * and Cartograph frames. Formatting it measured ~60 µs per point read on the 2-core benchmark
 * machine (about 7% of the read; Cartograph's deeper stack made it dearer than the raw driver's).
 */
export function runUncaptured(
  runner: StatementRunner,
  cypher: string,
  params: Record<string, unknown>,
  config?: unknown,
): Result {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return runner.run(cypher, params, config as never);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
