import 'reflect-metadata';
import { IntegerProperty, ModelDefinitionError, Node, NodeEntity, StringProperty } from '@cartograph/core';
import { planSchema, registry } from '@cartograph/core/internal';
import { fromPlanned } from '../src';

// Payment cards of a fraud-detection model: a node key, and existence and type constraints.
@Node({ nodeKey: ['issuer', 'cardNumber'] })
class PaymentCard extends NodeEntity {
  @StringProperty() issuer!: string;
  @StringProperty({ dbProperty: 'number' }) cardNumber!: string;
  @IntegerProperty({ exists: true, typeConstraint: true }) limitCents!: number;
}

describe('planning Enterprise-only constraints', () => {
  it('plans a node key over stored property names, and existence and type constraints', () => {
    const planned = planSchema([registry.node(PaymentCard)]);
    expect(planned).toEqual([
      {
        kind: 'constraint',
        name: 'paymentcard_issuer_number_key',
        entity: 'node',
        label: 'PaymentCard',
        properties: ['issuer', 'number'],
        type: 'nodeKey',
        enterpriseOnly: true,
        source: 'PaymentCard.nodeKey',
      },
      {
        kind: 'constraint',
        name: 'paymentcard_limitcents_exists',
        entity: 'node',
        label: 'PaymentCard',
        properties: ['limitCents'],
        type: 'exists',
        enterpriseOnly: true,
        source: 'PaymentCard.limitCents',
      },
      {
        kind: 'constraint',
        name: 'paymentcard_limitcents_type',
        entity: 'node',
        label: 'PaymentCard',
        properties: ['limitCents'],
        type: 'propertyType',
        propertyType: 'INTEGER',
        enterpriseOnly: true,
        source: 'PaymentCard.limitCents',
      },
    ]);
    expect(planned.map(fromPlanned).map((item) => item.type)).toEqual([
      'NODE_KEY',
      'NODE_PROPERTY_EXISTENCE',
      'NODE_PROPERTY_TYPE',
    ]);
  });

  it('rejects a node key naming a field that is not a property', () => {
    expect(() => {
      @Node({ nodeKey: ['iban'] })
      class Account extends NodeEntity {
        @StringProperty() holder!: string;
      }
      return Account;
    }).toThrow(ModelDefinitionError);
  });
});

// A film catalogue adopted from a database whose constraint and index have their own names.
@Node()
class NamedFilm extends NodeEntity {
  @StringProperty({ unique: true, constraintName: 'movie_title' }) title!: string;
  @StringProperty({ index: 'text', indexName: 'film_tagline_search' }) tagline?: string;
  @IntegerProperty({ index: true }) released?: number;
}

describe('names a model gives its constraints and indexes', () => {
  it('plans the given names, and the usual ones elsewhere', () => {
    const planned = planSchema([registry.node(NamedFilm)]);
    expect(planned.map((item) => `${item.kind}:${item.name}`)).toEqual([
      'constraint:movie_title',
      'index:film_tagline_search',
      'index:namedfilm_released_range',
    ]);
  });
});
