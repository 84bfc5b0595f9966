import 'reflect-metadata';
import {
  Graph,
  ModelDefinitionError,
  Node,
  NodeEntity,
  RelationshipEntity,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
} from '../../src';
import { registry, SchemaRegistry } from '../../src/internal';

// A class someone forgot to decorate: decorators cannot notice, since targets are lazy.
class Supplier extends NodeEntity {}

@Node()
class Warehouse extends NodeEntity {
  @StringProperty({ required: true }) name!: string;
}

@Node()
class Shipment extends NodeEntity {
  @StringProperty({ required: true }) reference!: string;
  @RelationshipTo(() => Warehouse, 'STORED_IN') warehouse!: RelationshipManager<Warehouse>;
}

@Node()
class Order extends NodeEntity {
  @RelationshipTo(() => Supplier, 'FROM') supplier!: RelationshipManager<Supplier>;
}

class Undecorated extends RelationshipEntity {}

@Node()
class Parcel extends NodeEntity {
  @RelationshipTo(() => Warehouse, 'AT', { model: Undecorated }) at!: RelationshipManager<Warehouse>;
}

/** A registry holding only the given models (the process-wide one holds every model of this file). */
function registryOf(...models: (typeof NodeEntity)[]): SchemaRegistry {
  const scoped = new SchemaRegistry();
  for (const model of models) scoped.registerNode(registry.node(model));
  return scoped;
}

describe('sealing the registry', () => {
  it('accepts models whose relationships point to @Node models', () => {
    expect(() => registryOf(Warehouse, Shipment).seal()).not.toThrow();
  });

  it('names the model and field whose target is not a @Node model', () => {
    expect(() => registryOf(Warehouse, Order).seal()).toThrow(ModelDefinitionError);
    expect(() => registryOf(Warehouse, Order).seal()).toThrow(
      'Order: relationship "supplier" points to Supplier, which is not a @Node model',
    );
  });

  it('names a relationship model that is not decorated with @Rel', () => {
    expect(() => registryOf(Warehouse, Parcel).seal()).toThrow(
      'Parcel: relationship "at" uses Undecorated as its model, which is not decorated with @Rel',
    );
  });

  it('reports a target that is not registered in this registry', () => {
    expect(() => registryOf(Shipment).seal()).toThrow('points to Warehouse, which is not a @Node model');
  });

  it('freezes every definition, so nothing changes a model while queries run', () => {
    const sealed = registryOf(Warehouse, Shipment);
    sealed.seal();
    const definition = sealed.node(Shipment);
    expect(Object.isFrozen(definition)).toBe(true);
    expect(Object.isFrozen(definition.properties.get('reference'))).toBe(true);
    expect(Object.isFrozen(definition.relationships.get('warehouse'))).toBe(true);
    expect(() => {
      (definition as { primaryLabel: string }).primaryLabel = 'Other';
    }).toThrow(TypeError);
  });

  it('freezes models registered after sealing as they arrive', () => {
    const sealed = registryOf(Warehouse);
    sealed.seal();
    sealed.registerNode({ ...registry.node(Shipment) });
    expect(Object.isFrozen(sealed.node(Shipment))).toBe(true);
  });

  it('Graph.connect seals the registry first and refuses a broken model before reaching a server', async () => {
    // The address is never dialled: the model check fails first.
    await expect(
      Graph.connect({ url: 'bolt://127.0.0.1:1', auth: { username: 'neo4j', password: 'unused' } }),
    ).rejects.toThrow('Order: relationship "supplier" points to Supplier');
  });
});
