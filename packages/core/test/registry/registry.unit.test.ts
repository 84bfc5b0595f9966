import 'reflect-metadata';
import {
  AliasProperty,
  ModelDefinitionError,
  Node,
  NodeEntity,
  type RelationshipManager,
  RelationshipTo,
  StringProperty,
  UniqueIdProperty,
  ZeroOrOne,
} from '../../src';
import { registry } from '../../src/internal';

describe('node labels', () => {
  it('defaults the label to the class name', () => {
    @Node()
    class Airport extends NodeEntity {
      @StringProperty({ unique: true }) iata!: string;
    }
    expect(registry.node(Airport).labels).toEqual(['Airport']);
  });

  it('adds extra labels after the primary one', () => {
    @Node({ labels: ['Supplier', 'Organisation'] })
    class Supplier extends NodeEntity {}
    expect(registry.node(Supplier)).toMatchObject({
      primaryLabel: 'Supplier',
      labels: ['Supplier', 'Organisation'],
    });
  });

  it("gives a subclass its parent's labels, properties and relationships", () => {
    @Node()
    class Account extends NodeEntity {
      @StringProperty({ required: true }) iban!: string;
      @RelationshipTo(() => Account, 'TRANSFERRED_TO') transfers!: RelationshipManager<Account>;
    }
    @Node()
    class FlaggedAccount extends Account {
      @StringProperty() reason!: string;
    }
    const definition = registry.node(FlaggedAccount);
    expect(definition.labels).toEqual(['FlaggedAccount', 'Account']);
    expect([...definition.properties.keys()]).toEqual(['iban', 'reason']);
    expect([...definition.relationships.keys()]).toEqual(['transfers']);
    expect(registry.resolveByLabels(['Account', 'FlaggedAccount'])?.target).toBe(FlaggedAccount);
  });
});

describe('property definitions', () => {
  it('records options: required, unique, index, default, choices and dbProperty', () => {
    @Node()
    class Product extends NodeEntity {
      @StringProperty({ required: true, unique: true }) sku!: string;
      @StringProperty({ index: 'text', dbProperty: 'product_name' }) name!: string;
      @StringProperty({ choices: { eur: 'Euro', usd: 'US dollar' }, default: 'eur' }) currency!: string;
    }
    const properties = registry.node(Product).properties;
    expect(properties.get('sku')).toMatchObject({ required: true, unique: true, dbName: 'sku' });
    expect(properties.get('name')).toMatchObject({ index: 'text', dbName: 'product_name' });
    expect(properties.get('currency')).toMatchObject({
      choices: ['eur', 'usd'],
      defaultValue: 'eur',
      hasDefault: true,
    });
  });

  it('marks the unique id property as the identity', () => {
    @Node()
    class Order extends NodeEntity {
      @UniqueIdProperty() uid!: string;
    }
    expect(registry.node(Order).identity?.name).toBe('uid');
  });

  it('reads and writes an alias through the property it stands for', () => {
    @Node()
    class Employee extends NodeEntity {
      @StringProperty() fullName!: string;
      @AliasProperty('fullName') name!: string;
    }
    const employee = new Employee();
    employee.name = 'Grace Hopper';
    expect(employee.fullName).toBe('Grace Hopper');
    expect(registry.node(Employee).aliases.get('name')).toBe('fullName');
  });
});

describe('conflicting definitions are rejected when the class is defined', () => {
  it('rejects two fields stored under the same name', () => {
    expect(() => {
      @Node()
      class Clash extends NodeEntity {
        @StringProperty({ dbProperty: 'name' }) title!: string;
        @StringProperty() name!: string;
      }
      return Clash;
    }).toThrow(/"name" and "title" are both stored as "name"/);
  });

  it('rejects a label another model already uses', () => {
    @Node({ label: 'Customer' })
    class Customer extends NodeEntity {}
    expect(() => {
      @Node({ label: 'Customer' })
      class Client extends NodeEntity {}
      return [Customer, Client];
    }).toThrow(ModelDefinitionError);
  });

  it('rejects a field that is both a property and a relationship', () => {
    expect(() => {
      @Node()
      class Shipment extends NodeEntity {
        @StringProperty()
        @RelationshipTo(() => Shipment, 'NEXT', { cardinality: ZeroOrOne })
        next!: string;
      }
      return Shipment;
    }).toThrow(/both a property and a relationship/);
  });

  it('rejects a default that is not one of the choices', () => {
    expect(() => {
      @Node()
      class Ticket extends NodeEntity {
        @StringProperty({ choices: ['open', 'closed'], default: 'pending' }) status!: string;
      }
      return Ticket;
    }).toThrow(/not one of its choices/);
  });
});
