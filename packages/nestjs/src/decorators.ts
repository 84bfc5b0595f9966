import { applyDecorators, Inject, SetMetadata, UseInterceptors } from '@nestjs/common';
import {
  DEFAULT_GRAPH_NAME,
  getGraphToken,
  getModelToken,
  TRANSACTIONAL,
  type TransactionalOptions,
} from './tokens';
import { TransactionInterceptor } from './transaction.interceptor';

/**
 * Injects a graph registered with `CartographModule.forRoot`: the default one without a name,
 * else the one registered as `forRoot({ name })`.
 */
export function InjectGraph(name: string = DEFAULT_GRAPH_NAME): ParameterDecorator & PropertyDecorator {
  return Inject(getGraphToken(name));
}

/** Injects a model class registered with `CartographModule.forFeature([Model])` (its static API: `nodes`, `create`). */
export function InjectModel(
  model: { readonly name: string },
  graph: string = DEFAULT_GRAPH_NAME,
): ParameterDecorator & PropertyDecorator {
  return Inject(getModelToken(model, graph));
}

export type { TransactionalOptions };

/**
 * Runs the request handler (controller method or class) in one transaction through
 * {@link TransactionInterceptor}: every model operation it makes joins it (AsyncLocalStorage), it
 * commits when the handler's result is ready and rolls back when it throws. Like
 * `graph.writeTransaction`, the handler is re-run after a transient failure, so keep side effects
 * other than graph writes out of it.
 */
export function Transactional(options: TransactionalOptions = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(TRANSACTIONAL, options), UseInterceptors(TransactionInterceptor));
}
