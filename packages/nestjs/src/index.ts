/**
 * `@cartograph/nestjs`: Cartograph graphs as NestJS providers (`CartographModule.forRoot`,
 * `forRootAsync`, `forFeature`), `@InjectGraph` / `@InjectModel`, a request handler in one
 * transaction (`@Transactional()`), the driver closed on shutdown, and a terminus health indicator.
 *
 * @packageDocumentation
 */

export {
  CartographCoreModule,
  type CartographDatabaseOptions,
  CartographModule,
  type CartographModuleAsyncOptions,
  type CartographModuleOptions,
} from './cartograph.module';
export { InjectGraph, InjectModel, Transactional, type TransactionalOptions } from './decorators';
export { GraphHealthIndicator, type GraphHealthResult } from './health.indicator';
export { DEFAULT_GRAPH_NAME, getGraphToken, getModelToken } from './tokens';
export { TransactionInterceptor } from './transaction.interceptor';
