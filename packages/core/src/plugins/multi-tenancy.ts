import { AsyncLocalStorage } from 'node:async_hooks';
import { TenantContextError } from '../errors/plugin-errors';
import { type CartographPlugin, nodeCondition } from '../query/plugins/plugin';
import type { NodeDefinition } from '../registry/definitions';

const tenants = new AsyncLocalStorage<string>();

/** Runs `work` as `tenant`: its queries see and create only that tenant's nodes. */
export function runWithTenant<T>(tenant: string, work: () => T): T {
  if (typeof tenant !== 'string' || tenant === '') {
    throw new TypeError(`runWithTenant() needs a non-empty tenant id, got ${String(tenant)}`);
  }
  return tenants.run(tenant, work);
}

/** The tenant of the running code, if any. */
export function currentTenant(): string | undefined {
  return tenants.getStore();
}

/** Options of {@link multiTenancy}. */
export interface MultiTenancyOptions {
  /** Stored property holding the tenant id; default `tenantId`. */
  readonly property?: string;
  /** The models it applies to; default: every model the plugin is registered for. */
  readonly models?: (definition: NodeDefinition) => boolean;
}

/**
 * Multi-tenancy: every node created gets the current tenant (`runWithTenant`) in `property`, and
 * every query matches only that tenant's nodes, at every position (root, traversals, `has()`,
 * eager loading, counts). Keyed writes (`getOrCreate`, `createOrUpdate`, `merge`) match on the
 * tenant too, so they never find another tenant's node. A query or create outside a tenant throws
 * TenantContextError.
 */
export function multiTenancy(options: MultiTenancyOptions = {}): CartographPlugin {
  const property = options.property ?? 'tenantId';
  const tenantOf = (definition: NodeDefinition): string => {
    const tenant = tenants.getStore();
    if (tenant === undefined) throw new TenantContextError(definition.name);
    return tenant;
  };
  return Object.freeze({
    name: 'multiTenancy',
    appliesTo: options.models,
    transformNode: ({ definition }) => nodeCondition.equals(property, tenantOf(definition)),
    transformCreate: ({ definition, properties }) => ({ ...properties, [property]: tenantOf(definition) }),
    transformKey: ({ definition }) => ({ [property]: tenantOf(definition) }),
  } satisfies CartographPlugin);
}
