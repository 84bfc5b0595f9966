import type { Graph } from '@cartograph/core';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getGraphToken } from './tokens';

/** A `@nestjs/terminus` health indicator result (the same shape, without depending on terminus). */
export type GraphHealthResult<Key extends string = string> = Record<
  Key,
  { status: 'up' | 'down'; [detail: string]: unknown }
>;

/**
 * A health indicator for `@nestjs/terminus`: runs `RETURN 1` on a graph, bounded by a timeout.
 * Use it in a terminus `HealthCheckService.check([() => this.neo4j.isHealthy('neo4j')])`.
 */
@Injectable()
export class GraphHealthIndicator {
  constructor(private readonly moduleRef: ModuleRef) {}

  /**
   * `{ [key]: { status: 'up', database, responseTimeMs } }` when the graph answers within
   * `timeoutMs` (default 1 000), else `{ [key]: { status: 'down', message } }`.
   */
  async isHealthy<const Key extends string>(
    key: Key,
    options: { graph?: string; timeoutMs?: number } = {},
  ): Promise<GraphHealthResult<Key>> {
    const started = performance.now();
    try {
      const graph = this.moduleRef.get<Graph>(getGraphToken(options.graph), { strict: false });
      await graph.cypher('RETURN 1 AS ok', {}, { mode: 'READ', timeoutMs: options.timeoutMs ?? 1_000 });
      const details = {
        status: 'up' as const,
        database: graph.database ?? '(home)',
        responseTimeMs: Math.round(performance.now() - started),
      };
      return { [key]: details } as unknown as GraphHealthResult<Key>;
    } catch (error) {
      return {
        [key]: { status: 'down', message: (error as Error).message },
      } as unknown as GraphHealthResult<Key>;
    }
  }
}
