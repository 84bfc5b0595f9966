export { Bound } from '../query/bound';
export type { Predicate as PlanPredicate } from '../query/plan';
export {
  type CartographPlugin,
  type CreateContext,
  type DeleteContext,
  type NodeContext,
  nodeCondition,
} from '../query/plugins/plugin';
export { usePlugins } from '../query/plugins/registry';
export type { NodeSetState as QueryPlan, PluginOptions } from '../query/state';
export { currentTenant, type MultiTenancyOptions, multiTenancy, runWithTenant } from './multi-tenancy';
export { hardDelete, type SoftDeleteOptions, softDelete } from './soft-delete';
