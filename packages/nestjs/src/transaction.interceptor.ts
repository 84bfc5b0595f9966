import type { Graph } from '@cartograph/core';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { getGraphToken, TRANSACTIONAL, type TransactionalOptions } from './tokens';

/**
 * Runs a request handler in one `graph.writeTransaction` (or `readTransaction`), so every model
 * operation it makes joins that transaction. Options come from `@Transactional()` on the handler or
 * its class; used without it, it runs a write transaction on the default graph.
 */
@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options =
      this.reflector.getAllAndOverride<TransactionalOptions | undefined>(TRANSACTIONAL, [
        context.getHandler(),
        context.getClass(),
      ]) ?? {};
    const graph = this.moduleRef.get<Graph>(getGraphToken(options.graph), { strict: false });
    // next.handle() is called inside the transaction: Nest binds the handler to the async context
    // of that call, which is where model operations look for the transaction to join. A retried
    // transaction calls it again, re-running the handler.
    const work = () => lastValueFrom(next.handle(), { defaultValue: undefined });
    const bounds = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
    return from(
      options.mode === 'READ' ? graph.readTransaction(work, bounds) : graph.writeTransaction(work, bounds),
    );
  }
}
