import { Graph } from '@cartograph/core';
import { registry } from '@cartograph/core/internal';
import { loadConfig, type ResolvedConfig } from '../config/load-config';
import { loadModels } from '../config/load-models';
import { classifyError } from './classify-error';
import { CliError, ExitCode } from './exit-codes';
import { type CliIO, Output } from './output';

/** Options every command accepts (declared on the root command). */
export interface GlobalOptions {
  /** Path of the config file; default: the nearest `cartograph.config.ts`. */
  config?: string;
  /** `--no-color` sets this to false. */
  color?: boolean;
  /** Print one JSON document on stdout instead of text (read commands). */
  json?: boolean;
}

/**
 * What a command runs with: its output, the configuration (loaded on first use, so `--help` and
 * `init` work without one), the models, and a connection it closes when done.
 */
export class CommandContext {
  readonly io: CliIO;
  readonly output: Output;
  readonly #configPath: string | undefined;
  #config: ResolvedConfig | undefined;

  constructor(io: CliIO, options: GlobalOptions) {
    this.io = io;
    this.#configPath = options.config;
    this.output = new Output(io, options.json === true, options.color !== false);
    // The environment's password is a secret even before (or without) a config file.
    this.output.addSecret(io.env.NEO4J_PASSWORD);
  }

  /** The resolved configuration; the password is registered as a secret before anything can print it. */
  get config(): ResolvedConfig {
    if (!this.#config) {
      this.#config = loadConfig(this.io.cwd, this.io.env, this.#configPath);
      this.output.addSecret(this.#config.neo4j.password);
    }
    return this.#config;
  }

  /**
   * Imports the configured model modules so that the registry knows every model (the registry is
   * shared by every copy of `@cartograph/core` in the process, so the project's copy and the CLI's
   * see the same models). Warns when they loaded but declared no model.
   */
  loadModels(): string[] {
    const files = loadModels(this.config);
    if (files.length > 0 && registry.nodes().length === 0) {
      this.output.warn(`Loaded ${files.length} model file(s), but they declare no @Node() class.`);
    }
    return files;
  }

  /**
   * Loads the models for a schema plan. With no model at all, a plan that may drop (`--drop`) is
   * refused: it would remove every constraint and index in the database. Without drops, a warning.
   */
  loadModelsForPlan(drop: boolean): void {
    const files = this.loadModels();
    if (registry.nodes().length > 0 || registry.relationshipModels().length > 0) return;
    const where = `${files.length} file(s) matched "models" in ${this.config.file ?? 'the config'}`;
    if (drop) {
      throw new CliError(
        ExitCode.Usage,
        `No models loaded (${where}, none declares a model). Refusing to plan drops from an empty model set: --drop would remove every constraint and index in the database. Point "models" at your model files.`,
      );
    }
    this.output.warn(`No models loaded (${where}, none declares a model); nothing is planned.`);
  }

  /** Connects to Neo4j, runs `work`, and always closes the connection. */
  async withGraph<T>(work: (graph: Graph) => Promise<T>): Promise<T> {
    const graph = await this.connect();
    try {
      return await work(graph);
    } finally {
      await graph.close();
    }
  }

  /** A connection to the configured server; `verify: false` skips the round trip (nothing is sent until a query). */
  async connect(options: { verify?: boolean } = {}): Promise<Graph> {
    const { uri, username, password, database, options: shared } = this.config.neo4j;
    try {
      return await Graph.connect({
        ...shared,
        url: uri,
        auth: password === undefined ? undefined : { username, password },
        database,
        default: true,
        verifyConnectivity: options.verify ?? true,
      });
    } catch (error) {
      // A bad URI throws from the driver before any network call: still a connection problem.
      const reason = classifyError(error, ExitCode.Connection).message.replace(
        /^Cannot reach Neo4j at \S+: /,
        '',
      );
      throw new CliError(ExitCode.Connection, `Cannot connect to Neo4j at ${uri} as ${username}: ${reason}`, {
        cause: error,
      });
    }
  }
}
