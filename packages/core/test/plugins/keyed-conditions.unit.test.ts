// The plugin conditions of writes by key (relate, relateMany, unrelateMany) are rendered once per
// shape: conditions that differ only in their values share one text.
import 'reflect-metadata';
import {
  multiTenancy,
  Node,
  NodeEntity,
  runWithTenant,
  StringProperty,
  softDelete,
  usePlugins,
} from '../../src';
import { KeyedConditions } from '../../src/query/plugins/keyed-conditions';
import { registry } from '../../src/registry/schema-registry';

@Node()
class Account extends NodeEntity {
  @StringProperty() name!: string;
}
usePlugins(Account, multiTenancy());

@Node()
class Draft extends NodeEntity {
  @StringProperty() title!: string;
}
usePlugins(Draft, softDelete());

const account = registry.node(Account);
const draft = registry.node(Draft);

describe('the conditions of writes by key', () => {
  it('share one shape between tenants, with each tenant as a parameter value', () => {
    const acme = runWithTenant('acme', () => KeyedConditions.of([account, account]));
    const globex = runWithTenant('globex', () => KeyedConditions.of([account, account]));
    expect(globex.shape).toBe(acme.shape);
    expect(Object.values(acme.params())).toEqual(['acme', 'acme']);
    expect(Object.values(globex.params())).toEqual(['globex', 'globex']);
  });

  it('get another shape for other conditions or other positions', () => {
    const tenants = runWithTenant('acme', () => KeyedConditions.of([account, draft]));
    const swapped = runWithTenant('acme', () => KeyedConditions.of([draft, account]));
    const drafts = KeyedConditions.of([draft, draft]);
    expect(new Set([tenants.shape, swapped.shape, drafts.shape]).size).toBe(3);
  });
});
