export type { Predicate as PlanPredicate } from '../query/plan';
export type { NodeSetState as QueryPlan, PluginOptions } from '../query/state';
export { currentTenant, type MultiTenancyOptions, multiTenancy, runWithTenant } from './multi-tenancy';
export {
  type CartographPlugin,
  type CreateContext,
  type DeleteContext,
  type NodeContext,
  nodeCondition,
} from './plugin';
export { usePlugins } from './registry';
export { hardDelete, type SoftDeleteOptions, softDelete } from './soft-delete';
