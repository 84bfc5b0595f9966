import { type ConnectOptions, Graph, UnknownModelError } from '@cartograph/core';
import { registry } from '@cartograph/core/internal';
import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type ModuleMetadata,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphHealthIndicator } from './health.indicator';
import { DEFAULT_GRAPH_NAME, GRAPH_NAME, getGraphToken, getModelToken, MODULE_OPTIONS } from './tokens';
import { TransactionInterceptor } from './transaction.interceptor';

/** `CartographModule.forRoot` options: how to connect (see `ConnectOptions`), and the graph's name. */
export interface CartographModuleOptions extends ConnectOptions {
  /**
   * Registers a named graph, injected with `@InjectGraph(name)`; without a name, the default graph
   * (injected by its type, `Graph`, and used by models outside transactions of another graph).
   */
  name?: string;
}

/** `CartographModule.forRootAsync` options: connection options made by a factory (from `ConfigService`, say). */
export interface CartographModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  /** As in {@link CartographModuleOptions.name}; given here because the factory runs later. */
  name?: string;
  // biome-ignore lint/suspicious/noExplicitAny: Nest factories take whatever `inject` lists.
  useFactory: (...args: any[]) => ConnectOptions | Promise<ConnectOptions>;
  // biome-ignore lint/suspicious/noExplicitAny: injection tokens of any kind.
  inject?: any[];
}

/** `CartographModule.forDatabase` options: another database reached through an existing graph's connection. */
export interface CartographDatabaseOptions {
  /** The name to inject the graph by, with `@InjectGraph(name)`. */
  name: string;
  /** The database its queries go to. */
  database: string;
  /** The graph (a `forRoot` name) whose driver, pool and bookmarks it shares; default the default graph. */
  of?: string;
}

/**
 * The global module of a graph that is another database of an existing graph: it shares that
 * graph's driver (one connection pool per server, bookmarks shared) and is closed with it.
 */
@Global()
@Module({})
// biome-ignore lint/complexity/noStaticOnlyClass: a NestJS module is a class with static factories.
export class CartographDatabaseModule {
  static register(options: CartographDatabaseOptions): DynamicModule {
    const token = getGraphToken(options.name);
    const graph: Provider = {
      provide: token,
      useFactory: (owner: Graph) => owner.withDatabase(options.database),
      inject: [getGraphToken(options.of ?? DEFAULT_GRAPH_NAME)],
    };
    return { module: CartographDatabaseModule, providers: [graph], exports: [token] };
  }
}

/** @internal The global module of one graph: connects it, exports it, closes it on shutdown. */
@Global()
@Module({})
export class CartographCoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(GRAPH_NAME) private readonly name: string,
    private readonly moduleRef: ModuleRef,
  ) {}

  static register(name: string, options: Provider): DynamicModule {
    const token = getGraphToken(name);
    const graph: Provider = {
      provide: token,
      useFactory: (options: ConnectOptions) =>
        Graph.connect({ ...options, default: options.default ?? name === DEFAULT_GRAPH_NAME }),
      inject: [MODULE_OPTIONS],
    };
    return {
      module: CartographCoreModule,
      providers: [
        { provide: GRAPH_NAME, useValue: name },
        options,
        graph,
        TransactionInterceptor,
        GraphHealthIndicator,
      ],
      exports: [token, TransactionInterceptor, GraphHealthIndicator],
    };
  }

  /** Closes the graph's driver when the application shuts down (`app.close()`, or a signal with `enableShutdownHooks()`). */
  async onApplicationShutdown(): Promise<void> {
    const graph = this.moduleRef.get<Graph>(getGraphToken(this.name), { strict: true });
    await graph.close();
  }
}

/**
 * Cartograph for NestJS. `forRoot` / `forRootAsync` once per graph in the root module (the default
 * graph, and named graphs for other databases); `forFeature([Model])` in feature modules.
 */
@Module({})
// biome-ignore lint/complexity/noStaticOnlyClass: a NestJS module is a class with static factories.
export class CartographModule {
  /** Connects a graph when the application starts and closes it on shutdown; global. */
  static forRoot(options: CartographModuleOptions): DynamicModule {
    const { name = DEFAULT_GRAPH_NAME, ...connect } = options;
    return {
      module: CartographModule,
      imports: [CartographCoreModule.register(name, { provide: MODULE_OPTIONS, useValue: connect })],
    };
  }

  /** {@link CartographModule.forRoot} with options made by `useFactory` (e.g. from `@nestjs/config`). */
  static forRootAsync(options: CartographModuleAsyncOptions): DynamicModule {
    const name = options.name ?? DEFAULT_GRAPH_NAME;
    const provider: Provider = {
      provide: MODULE_OPTIONS,
      useFactory: options.useFactory,
      inject: options.inject ?? [],
    };
    const core = CartographCoreModule.register(name, provider);
    return {
      module: CartographModule,
      imports: [{ ...core, imports: options.imports ?? [] }],
    };
  }

  /**
   * A named graph on another database of an already registered graph (`of`, default the default
   * graph), sharing its driver instead of opening a second connection pool to the same server;
   * closed when that graph closes. Use `forRoot({ name, url, ... })` for another server.
   */
  static forDatabase(options: CartographDatabaseOptions): DynamicModule {
    return { module: CartographModule, imports: [CartographDatabaseModule.register(options)] };
  }

  /**
   * Makes model classes injectable in a feature module (`@InjectModel(Person)`), checking at start
   * up that each one is a registered `@Node` or `@Rel` model (else UnknownModelError).
   */
  static forFeature(
    models: readonly (abstract new (...args: never[]) => unknown)[],
    graph?: string,
  ): DynamicModule {
    const providers: Provider[] = models.map((model) => ({
      provide: getModelToken(model, graph),
      useFactory: () => {
        if (!registry.findNode(model) && !isRelationshipModel(model))
          throw new UnknownModelError(
            `${model.name} is not a registered Cartograph model. Decorate it with @Node() or @Rel().`,
          );
        return model;
      },
    }));
    return { module: CartographModule, providers, exports: providers };
  }
}

function isRelationshipModel(model: abstract new (...args: never[]) => unknown): boolean {
  try {
    registry.relationshipModel(model);
    return true;
  } catch {
    return false;
  }
}
