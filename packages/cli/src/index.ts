/**
 * `@cartograph/cli`: the `cartograph` command line, plus `defineConfig` for `cartograph.config.ts`.
 *
 * @packageDocumentation
 */
import type { ExitCodeValue } from './runtime/exit-codes';
import type { CliIO } from './runtime/output';

export {
  type CartographConfig,
  defineConfig,
  type Neo4jConnectionConfig,
  type SharedConnectionOptions,
} from './config/define-config';
export { CliError, ExitCode, type ExitCodeValue } from './runtime/exit-codes';
export type { CliIO, Writer } from './runtime/output';

/**
 * Runs `cartograph` with `args` (e.g. `['migrate', 'up']`) and resolves to its exit code, without
 * exiting the process. Loaded on demand, so that a config file importing `defineConfig` does not
 * load the whole CLI.
 */
export async function runCli(args: readonly string[], io?: CliIO): Promise<ExitCodeValue> {
  const { runCli: run } = await import('./main');
  return run(args, io);
}
